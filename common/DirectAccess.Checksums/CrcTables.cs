namespace DirectAccess.Checksums;

/// <summary>
/// Slicing-by-16 lookup tables for a reflected CRC-32 polynomial: table <c>k</c> gives the CRC contribution of a byte
/// followed by <c>k</c> zero bytes, so sixteen input bytes are folded per step with sixteen independent lookups.
/// </summary>
internal sealed class CrcTables
{
    /// <summary>CRC-32 (IEEE 802.3, zlib), reflected polynomial.</summary>
    public static readonly CrcTables Ieee = new(0xEDB88320u);

    /// <summary>CRC-32C (Castagnoli, iSCSI), reflected polynomial.</summary>
    public static readonly CrcTables Castagnoli = new(0x82F63B78u);

    private const int Slices = 16;

    // One flat array (16 tables of 256) keeps the lookups in one allocation and bounds-checks cheap.
    private readonly uint[] _table = new uint[Slices * 256];

    private CrcTables(uint reflectedPolynomial)
    {
        for (uint n = 0; n < 256; n++)
        {
            var crc = n;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ reflectedPolynomial : crc >> 1;
            }

            _table[n] = crc;
        }

        for (var k = 1; k < Slices; k++)
        {
            for (var n = 0; n < 256; n++)
            {
                var previous = _table[((k - 1) * 256) + n];
                _table[(k * 256) + n] = (previous >> 8) ^ _table[previous & 0xFF];
            }
        }
    }

    /// <summary>Advances the raw (not inverted at the ends) CRC <paramref name="crc"/> over <paramref name="data"/>.</summary>
    public uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        var t = _table.AsSpan();
        while (data.Length >= Slices)
        {
            var a = crc ^ System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(data);
            crc = t[(15 * 256) + (int)(a & 0xFF)] ^ t[(14 * 256) + (int)((a >> 8) & 0xFF)]
                ^ t[(13 * 256) + (int)((a >> 16) & 0xFF)] ^ t[(12 * 256) + (int)(a >> 24)]
                ^ t[(11 * 256) + data[4]] ^ t[(10 * 256) + data[5]] ^ t[(9 * 256) + data[6]] ^ t[(8 * 256) + data[7]]
                ^ t[(7 * 256) + data[8]] ^ t[(6 * 256) + data[9]] ^ t[(5 * 256) + data[10]] ^ t[(4 * 256) + data[11]]
                ^ t[(3 * 256) + data[12]] ^ t[(2 * 256) + data[13]] ^ t[256 + data[14]] ^ t[data[15]];
            data = data[Slices..];
        }

        foreach (var b in data)
        {
            crc = (crc >> 8) ^ t[(int)((crc ^ b) & 0xFF)];
        }

        return crc;
    }
}
