using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace DirectAccess.Local.UserPools.Tokens;

/// <summary>
/// One pool's RS256 signing key: a 2048-bit RSA key with its key id (<c>kid</c>) — the RFC 7638 JWK thumbprint,
/// Base64url of SHA-256 — and its public half as a JWKS entry (Cognito developer guide, "Verifying a JSON web token").
/// </summary>
public sealed class PoolSigningKey
{
    /// <summary>Wraps <paramref name="privateKey"/> (owned from now on).</summary>
    public PoolSigningKey(RSA privateKey)
    {
        PrivateKey = privateKey;
        var parameters = privateKey.ExportParameters(includePrivateParameters: false);
        Modulus = Base64Url(parameters.Modulus!);
        Exponent = Base64Url(parameters.Exponent!);
        KeyId = Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes($"{{\"e\":\"{Exponent}\",\"kty\":\"RSA\",\"n\":\"{Modulus}\"}}")));
        PublicKey = RSA.Create(parameters);
    }

    /// <summary>The key id written in every token header and JWKS entry.</summary>
    public string KeyId { get; }

    /// <summary>The signing key (private); never leaves this project.</summary>
    public RSA PrivateKey { get; }

    /// <summary>The public half only, handed to other components through <c>IUserPoolKeys</c>.</summary>
    public RSA PublicKey { get; }

    /// <summary>Base64url modulus <c>n</c>.</summary>
    public string Modulus { get; }

    /// <summary>Base64url exponent <c>e</c>.</summary>
    public string Exponent { get; }

    /// <summary>The JWKS entry: <c>{"alg":"RS256","e":...,"kid":...,"kty":"RSA","n":...,"use":"sig"}</c>.</summary>
    public JsonObject ToJwk() => new()
    {
        ["alg"] = "RS256",
        ["e"] = Exponent,
        ["kid"] = KeyId,
        ["kty"] = "RSA",
        ["n"] = Modulus,
        ["use"] = "sig",
    };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
