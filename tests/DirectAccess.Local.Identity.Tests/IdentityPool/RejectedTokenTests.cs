using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DirectAccess.Local.Identity.Tests.Support;

namespace DirectAccess.Local.Identity.Tests.IdentityPool;

/// <summary>Forged and unsuitable ID tokens are refused with Cognito's messages (REFERENCE §1, §3).</summary>
public sealed class RejectedTokenTests : RepositoryTemplateCloud
{
    private const string CouldNotVerify = "Invalid login token. Couldn't verify signed token.";

    private async Task Refused(string token, string message, bool prefix = false) =>
        (await Client.GetIdAsync(PoolId, Tokens.Logins(token))).IsError("NotAuthorizedException", message, prefix);

    private JsonObject Claims() => Tokens.IdClaims(Guid.NewGuid().ToString(), "uploaders");

    [Test]
    public async Task Genuine_token_is_accepted() => (await Client.GetIdAsync(PoolId, Tokens.Logins(Tokens.Sign(Claims())))).Ok();

    [Test]
    public async Task Alg_none_is_refused() =>
        await Refused(TokenMinter.Part(new JsonObject { ["alg"] = "none", ["kid"] = Tokens.Key.KeyId }) + "." + TokenMinter.Part(Claims()) + ".", CouldNotVerify);

    [Test]
    public async Task HS256_signed_with_the_public_key_is_refused()
    {
        var input = TokenMinter.Part(new JsonObject { ["alg"] = "HS256", ["kid"] = Tokens.Key.KeyId }) + "." + TokenMinter.Part(Claims());
        var publicPem = Encoding.UTF8.GetBytes(Tokens.Key.PublicKey.ExportSubjectPublicKeyInfoPem());
        await Refused(input + "." + TokenMinter.B64(HMACSHA256.HashData(publicPem, Encoding.ASCII.GetBytes(input))), CouldNotVerify);
    }

    [Test]
    public async Task Expired_token_is_refused()
    {
        var claims = Claims();
        claims["exp"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds();
        await Refused(Tokens.Sign(claims), "Invalid login token. Token expired: ", prefix: true);
    }

    [Test]
    public async Task Not_yet_valid_token_is_refused()
    {
        var claims = Claims();
        claims["nbf"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        await Refused(Tokens.Sign(claims), "Invalid login token. Token is not valid before: ", prefix: true);
        var future = Claims();
        future["iat"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        await Refused(Tokens.Sign(future), "Invalid login token. Token used before issued: ", prefix: true);
    }

    [Test]
    public async Task Wrong_issuer_is_refused()
    {
        var claims = Claims();
        claims["iss"] = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other0000";
        await Refused(Tokens.Sign(claims), "Invalid login token. Issuer doesn't match providerName");
    }

    [Test]
    public async Task Wrong_audience_is_refused()
    {
        var claims = Claims();
        claims["aud"] = "abcdefghijklmnopqrstuvwxyz";
        await Refused(Tokens.Sign(claims), "Invalid login token. Incorrect token audience.");
    }

    [Test]
    public async Task Access_token_is_refused()
    {
        var claims = Claims();
        claims.Remove("aud");
        claims["client_id"] = Tokens.Client.ClientId;
        claims["token_use"] = "access";
        claims["scope"] = "aws.cognito.signin.user.admin";
        await Refused(Tokens.Sign(claims), "Invalid login token. Missing a required claim: aud");
    }

    [Test]
    public async Task Unknown_kid_is_refused() =>
        await Refused(Tokens.Sign(Claims(), new JsonObject { ["alg"] = "RS256", ["kid"] = "not-a-key" }), CouldNotVerify);

    [Test]
    public async Task Tampered_claim_is_refused()
    {
        var token = Tokens.Sign(Claims());
        var parts = token.Split('.');
        var claims = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(Pad(parts[1].Replace('-', '+').Replace('_', '/')))))!.AsObject();
        claims["cognito:groups"] = new JsonArray("uploaders", "admins");
        claims["cognito:preferred_role"] = Tokens.RoleArn("AdminsRole");
        await Refused(parts[0] + "." + TokenMinter.Part(claims) + "." + parts[2], CouldNotVerify);
    }

    [Test]
    public async Task Token_from_another_pool_is_refused()
    {
        using var otherKey = RSA.Create(2048);
        var claims = Claims();
        claims["iss"] = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other0000";
        var foreign = Tokens.Sign(claims, new JsonObject { ["alg"] = "RS256", ["kid"] = "other-kid" }, otherKey);
        await Refused(foreign, "Invalid login token. Issuer doesn't match providerName");
        var underItsOwnKey = new Dictionary<string, string> { ["cognito-idp.us-east-1.amazonaws.com/us-east-1_Other0000"] = foreign };
        (await Client.GetIdAsync(PoolId, underItsOwnKey)).IsError("NotAuthorizedException", "Token is not from a supported provider of this identity pool.");
        // Same issuer as ours but signed by a key that is not the pool's: the signature check catches it.
        await Refused(Tokens.Sign(Claims(), null, otherKey), CouldNotVerify);
    }

    [Test]
    public async Task Garbage_is_not_a_token() =>
        await Refused("not.a.jwt", "Invalid login token. Not a valid OpenId Connect identity token.");

    private static string Pad(string base64) => base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
}
