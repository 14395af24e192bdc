using System.Security.Cryptography;
using System.Text;

namespace DirectAccess.Local.Auth.SigV4;

/// <summary>
/// The hashing steps of SigV4 (AWS General Reference, "Create a string to sign", "Calculate the signature"): lower-case
/// hex SHA-256, HMAC-SHA256 of a string to sign, and a constant-time comparison of a claimed hex signature.
/// </summary>
internal static class SignatureMath
{
    /// <summary>Lower-case hex SHA-256 of <paramref name="data"/>.</summary>
    public static string HexSha256(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(data, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 form of <paramref name="text"/>.</summary>
    public static string HexSha256(string text) => HexSha256(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// <c>&lt;algorithm&gt;\n&lt;timestamp&gt;\n&lt;scope&gt;\n&lt;hash&gt;</c> for the request itself (the seed signature).
    /// </summary>
    public static string RequestStringToSign(string amzDate, string scope, string canonicalRequestHash) =>
        $"{SigV4Names.Algorithm}\n{amzDate}\n{scope}\n{canonicalRequestHash}";

    /// <summary>HMAC-SHA256 of <paramref name="stringToSign"/> with <paramref name="signingKey"/> (32 bytes into <paramref name="signature"/>).</summary>
    public static void Sign(byte[] signingKey, string stringToSign, Span<byte> signature) =>
        HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign), signature);

    /// <summary>Lower-case hex HMAC-SHA256 of <paramref name="stringToSign"/>.</summary>
    public static string SignHex(byte[] signingKey, string stringToSign)
    {
        Span<byte> signature = stackalloc byte[32];
        Sign(signingKey, stringToSign, signature);
        return Convert.ToHexStringLower(signature);
    }

    /// <summary>
    /// True when <paramref name="claimedHex"/> is the 64-hex-character form of <paramref name="expected"/>; the
    /// comparison of the bytes takes the same time wherever they differ (no timing oracle on the signature).
    /// </summary>
    public static bool HexEquals(string claimedHex, ReadOnlySpan<byte> expected)
    {
        if (claimedHex.Length != expected.Length * 2)
        {
            return false;
        }

        Span<byte> claimed = stackalloc byte[expected.Length];
        if (Convert.FromHexString(claimedHex, claimed, out _, out var written) != System.Buffers.OperationStatus.Done ||
            written != expected.Length)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(claimed, expected);
    }

    /// <summary>True when <paramref name="text"/> is 64 hex characters (a SHA-256 in hex).</summary>
    public static bool IsHexSha256(string text)
    {
        if (text.Length != 64)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Constant-time equality of two byte strings (false when lengths differ).</summary>
    public static bool FixedTimeEquals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) =>
        CryptographicOperations.FixedTimeEquals(left, right);
}
