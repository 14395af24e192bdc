using System.Buffers.Binary;

namespace DirectAccess.Local.S3.Operations;

/// <summary>
/// The CRC of a concatenation from the CRCs and lengths of its pieces, without reading the data: what a
/// <c>FULL_OBJECT</c> multipart checksum is (S3 user guide, "Checking object integrity": full object checksums for
/// multipart uploads). Uses the GF(2) polynomial arithmetic of zlib's <c>crc32_combine</c>:
/// <c>crc(A‖B) = crc(A)·x^(8·|B|) mod P ⊕ crc(B)</c>, in the reflected bit order.
/// </summary>
public static class CrcCombiner
{
    /// <summary>The Base64 CRC of the concatenated parts.</summary>
    /// <param name="algorithm"><c>CRC32</c> or <c>CRC32C</c>.</param>
    /// <param name="parts">Each part's Base64 (big-endian) CRC and its length in bytes, in order.</param>
    /// <exception cref="ArgumentException">For other algorithms.</exception>
    public static string Combine(string algorithm, IEnumerable<(string Base64, long Length)> parts)
    {
        var polynomial = algorithm switch
        {
            "CRC32" => 0xEDB88320u,
            "CRC32C" => 0x82F63B78u,
            _ => throw new ArgumentException($"{algorithm} checksums cannot be combined.", nameof(algorithm)),
        };

        var crc = 0u; // CRC of the empty message
        foreach (var (base64, length) in parts)
        {
            var next = BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(base64));
            crc = MultiplyModP(PowerOfXModP(length, polynomial), crc, polynomial) ^ next;
        }

        var result = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(result, crc);
        return Convert.ToBase64String(result);
    }

    /// <summary>a·b mod P for reflected 32-bit polynomials (bit 31 is x^0).</summary>
    private static uint MultiplyModP(uint a, uint b, uint polynomial)
    {
        var m = 1u << 31;
        var product = 0u;
        while (true)
        {
            if ((a & m) != 0)
            {
                product ^= b;
                if ((a & (m - 1)) == 0)
                {
                    break;
                }
            }

            m >>= 1;
            b = (b & 1) != 0 ? (b >> 1) ^ polynomial : b >> 1;
        }

        return product;
    }

    /// <summary>x^(8·bytes) mod P by repeated squaring.</summary>
    private static uint PowerOfXModP(long bytes, uint polynomial)
    {
        var result = 1u << 31;      // x^0
        var square = 1u << 23;      // x^8: one byte of shift
        for (var n = bytes; n > 0; n >>= 1)
        {
            if ((n & 1) != 0)
            {
                result = MultiplyModP(square, result, polynomial);
            }

            square = MultiplyModP(square, square, polynomial);
        }

        return result;
    }
}
