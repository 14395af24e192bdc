using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DirectAccess.Checksums;

/// <summary>
/// CRC-32 as S3's <c>CRC32</c> algorithm uses it (IEEE 802.3 / zlib: reflected polynomial 0xEDB88320, initial value and
/// final XOR 0xFFFFFFFF), result big-endian. Uses carry-less multiplication (PCLMULQDQ) folding on x86 when available
/// (Intel, "Fast CRC Computation for Generic Polynomials Using PCLMULQDQ"), slicing-by-16 tables otherwise.
/// </summary>
internal sealed class Crc32Checksum : IncrementalChecksum
{
    // Below this, setting up the vector folding costs more than it saves.
    private const int FoldingThreshold = 128;

    // Fold constants for the reflected IEEE polynomial: x^(d+32) mod P and x^(d-32) mod P (bit-reflected, 33 bits)
    // for fold distances d of 512 bits (four lanes) and 128 bits (one lane).
    private static readonly Vector128<ulong> FoldBy4 = Vector128.Create(0x154442bd4UL, 0x1c6e41596UL);
    private static readonly Vector128<ulong> FoldBy1 = Vector128.Create(0x1751997d0UL, 0x0ccaa009eUL);

    private uint _crc = 0xFFFFFFFFu;

    /// <inheritdoc />
    public override string Algorithm => "CRC32";

    /// <inheritdoc />
    public override void Append(ReadOnlySpan<byte> data)
    {
        if (data.Length >= FoldingThreshold && Pclmulqdq.IsSupported && Sse2.IsSupported)
        {
            var folded = data.Length & ~15;
            _crc = UpdateFolding(_crc, data[..folded]);
            data = data[folded..];
        }

        _crc = CrcTables.Ieee.Update(_crc, data);
    }

    /// <inheritdoc />
    public override byte[] GetHashAndReset()
    {
        var result = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(result, ~_crc);
        _crc = 0xFFFFFFFFu;
        return result;
    }

    /// <summary>
    /// Folds a multiple of 16 bytes (at least 64) into one 128-bit remainder with carry-less multiplies, then reduces
    /// that remainder with the table (a CRC with state 0 over the 16 remainder bytes equals the CRC of everything folded).
    /// </summary>
    private static uint UpdateFolding(uint crc, ReadOnlySpan<byte> data)
    {
        ref var start = ref MemoryMarshal.GetReference(data);
        var x1 = Load(ref start, 0) ^ Vector128.CreateScalar((ulong)crc);
        var x2 = Load(ref start, 16);
        var x3 = Load(ref start, 32);
        var x4 = Load(ref start, 48);
        var offset = 64;

        for (; offset + 64 <= data.Length; offset += 64)
        {
            x1 = Fold(x1, FoldBy4, Load(ref start, offset));
            x2 = Fold(x2, FoldBy4, Load(ref start, offset + 16));
            x3 = Fold(x3, FoldBy4, Load(ref start, offset + 32));
            x4 = Fold(x4, FoldBy4, Load(ref start, offset + 48));
        }

        x1 = Fold(x1, FoldBy1, x2);
        x1 = Fold(x1, FoldBy1, x3);
        x1 = Fold(x1, FoldBy1, x4);
        for (; offset + 16 <= data.Length; offset += 16)
        {
            x1 = Fold(x1, FoldBy1, Load(ref start, offset));
        }

        Span<byte> remainder = stackalloc byte[16];
        x1.AsByte().CopyTo(remainder);
        return CrcTables.Ieee.Update(0, remainder);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> Load(ref byte start, int offset) =>
        Vector128.LoadUnsafe(ref start, (nuint)offset).AsUInt64();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ulong> Fold(Vector128<ulong> value, Vector128<ulong> constants, Vector128<ulong> next) =>
        Pclmulqdq.CarrylessMultiply(value, constants, 0x00)
        ^ Pclmulqdq.CarrylessMultiply(value, constants, 0x11)
        ^ next;
}
