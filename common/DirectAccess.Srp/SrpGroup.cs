using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;

namespace DirectAccess.Srp;

/// <summary>
/// The SRP-6a group and hash Cognito uses (REFERENCE.md §3; the SRP helpers of amazon-cognito-identity-js and
/// pycognito): N = the 3072-bit MODP prime of RFC 3526 §4, g = 2, H = SHA-256, k = H(pad(N) ‖ pad(g)). Shared by the
/// SDK's SRP client and the local user pool's SRP server. Integers are non-negative; byte strings are big-endian.
/// </summary>
public static class SrpGroup
{
    // RFC 3526 §4: 2^3072 - 2^3008 - 1 + 2^64 * ( [2^2942 pi] + 1690314 ).
    private const string PrimeHex =
        "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
        "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
        "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
        "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
        "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
        "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
        "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
        "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF";

    /// <summary>The safe prime N (RFC 3526 §4, 3072-bit MODP group).</summary>
    public static readonly BigInteger N = FromHex(PrimeHex);

    /// <summary>The generator g = 2.</summary>
    public static readonly BigInteger G = 2;

    /// <summary>The multiplier k = H(pad(N) ‖ pad(g)) — pad(g) is the single byte 0x02, not padded to N's length.</summary>
    public static readonly BigInteger K = Hash(Pad(N), Pad(G));

    /// <summary>
    /// Big-endian bytes of <paramref name="value"/> (≥ 0) with a leading 0x00 when the top bit is set — what Cognito's
    /// clients call <c>padHex</c>. Zero is the single byte 0x00.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">For a negative value.</exception>
    public static byte[] Pad(BigInteger value) =>
        value.Sign < 0 ? throw new ArgumentOutOfRangeException(nameof(value)) : value.ToByteArray(isUnsigned: false, isBigEndian: true);

    /// <summary>The non-negative integer whose big-endian bytes are <paramref name="bytes"/>.</summary>
    public static BigInteger FromBytes(ReadOnlySpan<byte> bytes) => new(bytes, isUnsigned: true, isBigEndian: true);

    /// <summary>A non-negative integer from hex (any case, odd length allowed).</summary>
    /// <exception cref="FormatException">When <paramref name="hex"/> is not hex.</exception>
    public static BigInteger FromHex(string hex) => BigInteger.Parse("0" + hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    /// <summary>Parses untrusted hex (any case, any leading zeros, at most 2,048 digits); null when it is not that.</summary>
    public static BigInteger? ParseHex(string? hex) =>
        string.IsNullOrEmpty(hex) || hex.Length > 2048 || !hex.All(Uri.IsHexDigit) ? null : FromHex(hex);

    /// <summary>Lower-case hex of pad(<paramref name="value"/>): how Cognito sends <c>SRP_B</c> and <c>SALT</c>.</summary>
    public static string PaddedHex(BigInteger value) => Convert.ToHexStringLower(Pad(value));

    /// <summary>Lower-case hex without leading zeros: how Cognito's clients send <c>SRP_A</c>.</summary>
    public static string MinimalHex(BigInteger value)
    {
        var hex = Convert.ToHexStringLower(value.ToByteArray(isUnsigned: true, isBigEndian: true)).TrimStart('0');
        return hex.Length == 0 ? "0" : hex;
    }

    /// <summary>SHA-256 of the concatenated <paramref name="parts"/>, read as a non-negative integer.</summary>
    public static BigInteger Hash(params byte[][] parts) => FromBytes(HashBytes(parts));

    /// <summary>SHA-256 of the concatenated <paramref name="parts"/> (32 bytes).</summary>
    public static byte[] HashBytes(params byte[][] parts)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            sha.AppendData(part);
        }

        return sha.GetHashAndReset();
    }

    /// <summary>(<paramref name="value"/> mod N) in [0, N), also for negative values.</summary>
    public static BigInteger Mod(BigInteger value)
    {
        var r = BigInteger.Remainder(value, N);
        return r.Sign < 0 ? r + N : r;
    }
}
