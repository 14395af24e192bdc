using System.Text;
using System.Text.Json.Nodes;

namespace DirectAccess.Local.Identity.Tokens;

/// <summary>
/// Issues and verifies the identity pool's OpenID Connect tokens (basic flow; REFERENCE §2): RS256, header
/// <c>kid</c>, <c>iss https://cognito-identity.amazonaws.com</c>, <c>aud</c> = identity pool id, <c>sub</c> = identity
/// id, <c>amr</c> array, <c>iat</c>/<c>exp</c> in epoch seconds, valid 10 minutes (Cognito's
/// <c>GetOpenIdToken</c> default).
/// </summary>
public sealed class OpenIdTokens(OpenIdTokenKey key, TimeProvider clock)
{
    /// <summary>The issuer Cognito writes.</summary>
    public const string Issuer = "https://cognito-identity.amazonaws.com";

    /// <summary>Token lifetime.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>A signed token for <paramref name="identityId"/> of <paramref name="identityPoolId"/>.</summary>
    public string Issue(string identityPoolId, string identityId, IReadOnlyList<string> amr)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var header = new JsonObject { ["kid"] = key.KeyId, ["typ"] = "JWS", ["alg"] = Rs256.Algorithm };
        var payload = new JsonObject
        {
            ["sub"] = identityId,
            ["aud"] = identityPoolId,
            ["amr"] = new JsonArray(amr.Select(a => (JsonNode)a).ToArray()),
            ["iss"] = Issuer,
            ["exp"] = now + (long)Lifetime.TotalSeconds,
            ["iat"] = now,
        };
        var signingInput = Base64Url.Encode(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." +
                           Base64Url.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        return signingInput + "." + Base64Url.Encode(Rs256.Sign(Encoding.ASCII.GetBytes(signingInput), key.Rsa));
    }

    /// <summary>
    /// The parsed token when it is ours: well-formed, RS256 with our <c>kid</c> and a valid signature, our issuer.
    /// Null otherwise. Expiry is left to the caller (STS reports it with its own error).
    /// </summary>
    public CompactJwt? Verify(string token) =>
        CompactJwt.TryParse(token, out var jwt)
        && jwt.HeaderString("kid") == key.KeyId
        && Rs256.Verify(jwt, key.Rsa)
        && jwt.ClaimString("iss") == Issuer
            ? jwt
            : null;
}
