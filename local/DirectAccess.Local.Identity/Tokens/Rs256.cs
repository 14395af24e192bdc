using System.Security.Cryptography;

namespace DirectAccess.Local.Identity.Tokens;

/// <summary>RS256 (RFC 7518 §3.3: RSASSA-PKCS1-v1_5 with SHA-256), the only algorithm accepted for any token here.</summary>
public static class Rs256
{
    /// <summary>The JOSE <c>alg</c> value.</summary>
    public const string Algorithm = "RS256";

    /// <summary>True when <paramref name="jwt"/> says RS256 and its signature verifies with <paramref name="publicKey"/>.</summary>
    public static bool Verify(CompactJwt jwt, RSA publicKey) =>
        jwt.HeaderString("alg") == Algorithm
        && publicKey.VerifyData(jwt.SigningInput, jwt.Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>The signature over <paramref name="signingInput"/>.</summary>
    public static byte[] Sign(byte[] signingInput, RSA privateKey) =>
        privateKey.SignData(signingInput, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
}
