using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DirectAccess.Local.Model;
using DirectAccess.Local.UserPools.Tokens;
using DirectAccess.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Local.Identity.Tests.Support;

/// <summary>
/// Mints user pool ID tokens signed with the running cloud's own pool key (resolved from DI), shaped as the user
/// pool issues them, plus forgeries for the rejection tests. Group claims are written as the user pool computes
/// them (REFERENCE §2).
/// </summary>
public sealed class TokenMinter(TestCloud cloud)
{
    public UserPoolModel Pool => cloud.Cloud.Stack.UserPools.Single();

    public UserPoolClientModel Client => Pool.Clients.Single();

    public string ProviderName => $"cognito-idp.{cloud.Cloud.Stack.Region}.amazonaws.com/{Pool.Id}";

    public PoolSigningKey Key => cloud.Cloud.Services.GetRequiredService<SigningKeyStore>().For(Pool.Id);

    public string RoleArn(string roleLogicalId) => cloud.Cloud.Stack.Roles.Single(r => r.LogicalId == roleLogicalId).Arn;

    /// <summary>ID token claims for <paramref name="sub"/> in <paramref name="groups"/> (names from the template).</summary>
    public JsonObject IdClaims(string sub, params string[] groups)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = new JsonObject
        {
            ["sub"] = sub,
            ["iss"] = "https://" + ProviderName,
            ["aud"] = Client.ClientId,
            ["token_use"] = "id",
            ["cognito:username"] = "user-" + sub,
            ["auth_time"] = now,
            ["iat"] = now,
            ["exp"] = now + 3600,
            ["jti"] = Guid.NewGuid().ToString(),
        };
        var members = Pool.Groups.Where(g => groups.Contains(g.Name)).ToArray();
        if (members.Length > 0)
        {
            claims["cognito:groups"] = new JsonArray(members.Select(g => (JsonNode)g.Name).ToArray());
        }

        var roles = members.Where(g => g.RoleArn is not null).ToArray();
        if (roles.Length > 0)
        {
            claims["cognito:roles"] = new JsonArray(roles.Select(g => g.RoleArn).Distinct().Select(r => (JsonNode)r!).ToArray());
            var best = roles.Min(g => g.Precedence ?? int.MaxValue);
            var top = roles.Where(g => (g.Precedence ?? int.MaxValue) == best).Select(g => g.RoleArn).Distinct().ToArray();
            if (top.Length == 1)
            {
                claims["cognito:preferred_role"] = top[0];
            }
        }

        return claims;
    }

    public string IdToken(string sub, params string[] groups) => Sign(IdClaims(sub, groups));

    public IReadOnlyDictionary<string, string> Logins(string token) => new Dictionary<string, string> { [ProviderName] = token };

    /// <summary>RS256-signs <paramref name="claims"/> with the pool key (or <paramref name="key"/>) and <paramref name="header"/>.</summary>
    public string Sign(JsonObject claims, JsonObject? header = null, RSA? key = null)
    {
        header ??= new JsonObject { ["kid"] = Key.KeyId, ["alg"] = "RS256" };
        var input = Part(header) + "." + Part(claims);
        return input + "." + B64(( key ?? Key.PrivateKey).SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    public static string Part(JsonNode json) => B64(Encoding.UTF8.GetBytes(json.ToJsonString()));

    public static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
