using System.Text;
using System.Text.Json;
using DirectAccess.Client.UserPool;

namespace DirectAccess.Client.Tests.Support;

/// <summary>Unsigned JWTs with chosen claims, for tests where only the client reads the token.</summary>
public static class FakeTokens
{
    public static string Jwt(Dictionary<string, object> claims) =>
        $"{B64("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{B64(JsonSerializer.Serialize(claims))}.";

    public static UserPoolTokens For(string sub, string username, DateTime expiresUtc, string[]? roles = null, string? refreshToken = "refresh")
    {
        var exp = new DateTimeOffset(expiresUtc).ToUnixTimeSeconds();
        var claims = new Dictionary<string, object> { ["sub"] = sub, ["cognito:username"] = username, ["exp"] = exp, ["token_use"] = "id" };
        if (roles is not null)
        {
            claims["cognito:roles"] = roles;
        }

        return UserPoolTokens.From(new AuthenticationResultType
        {
            IdToken = Jwt(claims),
            AccessToken = Jwt(new Dictionary<string, object> { ["sub"] = sub, ["exp"] = exp, ["token_use"] = "access" }),
            RefreshToken = refreshToken,
            ExpiresIn = 3600,
        });
    }

    private static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
