using System.Security.Cryptography;

namespace DirectAccess.Local.Identity.Credentials;

/// <summary>
/// Fresh random credential strings in AWS's shapes: access key id <c>ASIA</c> + 16 uppercase alphanumerics (20 chars),
/// a 40-character secret (base64 alphabet, as AWS secrets), and an opaque base64 session token (384 random bits
/// plus padding to a realistic length). All from the OS CSPRNG.
/// </summary>
public static class CredentialMaterial
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string Secret = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary><c>ASIA</c> + 16 uppercase alphanumerics.</summary>
    public static string TemporaryAccessKeyId() => "ASIA" + RandomNumberGenerator.GetString(Upper, 16);

    /// <summary>40 characters from the base64 alphabet.</summary>
    public static string SecretAccessKey() => RandomNumberGenerator.GetString(Secret, 40);

    /// <summary>An opaque session token (base64 of 192 random bytes, 256 characters).</summary>
    public static string SessionToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(192));
}
