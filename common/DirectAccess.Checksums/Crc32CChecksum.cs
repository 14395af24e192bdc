using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace DirectAccess.Checksums;

/// <summary>
/// CRC-32C as S3's <c>CRC32C</c> algorithm uses it (Castagnoli: reflected polynomial 0x82F63B78, initial value and final
/// XOR 0xFFFFFFFF), result big-endian. Uses the SSE4.2 <c>crc32</c> instruction when available, slicing-by-16 otherwise.
/// </summary>
internal sealed class Crc32CChecksum : IncrementalChecksum
{
    private uint _crc = 0xFFFFFFFFu;

    /// <inheritdoc />
    public override string Algorithm => "CRC32C";

    /// <inheritdoc />
    public override void Append(ReadOnlySpan<byte> data)
    {
        if (Sse42.X64.IsSupported)
        {
            _crc = UpdateSse42(_crc, data);
            return;
        }

        _crc = CrcTables.Castagnoli.Update(_crc, data);
    }

    /// <inheritdoc />
    public override byte[] GetHashAndReset()
    {
        var result = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(result, ~_crc);
        _crc = 0xFFFFFFFFu;
        return result;
    }

    private static uint UpdateSse42(uint crc, ReadOnlySpan<byte> data)
    {
        ulong wide = crc;
        var words = MemoryMarshal.Cast<byte, ulong>(data[..(data.Length & ~7)]);
        foreach (var word in words)
        {
            // The instruction consumes the word as little-endian bytes, which is how the span reads it on x86.
            wide = Sse42.X64.Crc32(wide, word);
        }

        crc = (uint)wide;
        foreach (var b in data[(data.Length & ~7)..])
        {
            crc = Sse42.Crc32(crc, b);
        }

        return crc;
    }
}
