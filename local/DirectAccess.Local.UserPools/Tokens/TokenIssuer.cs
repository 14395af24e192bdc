using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DirectAccess.Local.UserPools.Tokens;

/// <summary>
/// Issues a sign-in's tokens (Cognito developer guide, "Understanding user pool JSON web tokens"; REFERENCE.md §3):
/// RS256 ID and access tokens signed with the pool's key (header <c>kid</c>), lifetimes from the app client, and the
/// <c>AuthenticationResult</c> shape of <c>InitiateAuth</c> (<c>ExpiresIn</c> in seconds, <c>TokenType</c> Bearer).
/// </summary>
public sealed class TokenIssuer(SigningKeyStore keys, UserPoolDirectory pools, TimeProvider clock)
{
    /// <summary>The access token's scope for user pool API access.</summary>
    public const string AdminScope = "aws.cognito.signin.user.admin";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>
    /// <c>AuthenticationResult</c> with new ID and access tokens, and <paramref name="refreshToken"/> when given
    /// (<c>REFRESH_TOKEN_AUTH</c> passes null: Cognito returns no new refresh token then).
    /// </summary>
    public JsonObject AuthenticationResult(SignIn signIn, string? refreshToken)
    {
        var now = clock.GetUtcNow();
        var eventId = Guid.NewGuid().ToString();
        var result = new JsonObject
        {
            ["AccessToken"] = Sign(signIn.Pool.Id, AccessTokenClaims(signIn, now, eventId)),
            ["ExpiresIn"] = (long)signIn.Client.AccessTokenValidity.TotalSeconds,
            ["TokenType"] = "Bearer",
            ["IdToken"] = Sign(signIn.Pool.Id, IdTokenClaims(signIn, now, eventId)),
        };
        if (refreshToken is not null)
        {
            result["RefreshToken"] = refreshToken;
        }

        return result;
    }

    private Dictionary<string, object> IdTokenClaims(SignIn signIn, DateTimeOffset now, string eventId)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { ["sub"] = signIn.User.Sub };
        AddGroupClaims(claims, signIn.Groups, includeRoles: true);
        foreach (var (name, value) in signIn.User.Attributes)
        {
            // Cognito keeps every attribute as a string but writes the *_verified flags as JSON booleans.
            claims[name] = name.EndsWith("_verified", StringComparison.Ordinal) && bool.TryParse(value, out var flag) ? flag : value;
        }

        claims["iss"] = signIn.Pool.Issuer(pools.Region);
        claims["cognito:username"] = signIn.User.Username;
        claims["origin_jti"] = signIn.OriginJti;
        claims["aud"] = signIn.Client.ClientId;
        claims["event_id"] = eventId;
        claims["token_use"] = "id";
        AddTimes(claims, signIn, now, signIn.Client.IdTokenValidity);
        return claims;
    }

    private Dictionary<string, object> AccessTokenClaims(SignIn signIn, DateTimeOffset now, string eventId)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { ["sub"] = signIn.User.Sub };
        AddGroupClaims(claims, signIn.Groups, includeRoles: false);
        claims["iss"] = signIn.Pool.Issuer(pools.Region);
        claims["client_id"] = signIn.Client.ClientId;
        claims["origin_jti"] = signIn.OriginJti;
        claims["event_id"] = eventId;
        claims["token_use"] = "access";
        claims["scope"] = AdminScope;
        AddTimes(claims, signIn, now, signIn.Client.AccessTokenValidity);
        claims["username"] = signIn.User.Username;
        return claims;
    }

    private static void AddGroupClaims(Dictionary<string, object> claims, GroupClaims groups, bool includeRoles)
    {
        if (groups.Groups.Count > 0)
        {
            claims["cognito:groups"] = groups.Groups.ToArray();
        }

        if (!includeRoles)
        {
            return;
        }

        if (groups.Roles.Count > 0)
        {
            claims["cognito:roles"] = groups.Roles.ToArray();
        }

        if (groups.PreferredRole is not null)
        {
            claims["cognito:preferred_role"] = groups.PreferredRole;
        }
    }

    private static void AddTimes(Dictionary<string, object> claims, SignIn signIn, DateTimeOffset now, TimeSpan lifetime)
    {
        claims["auth_time"] = signIn.AuthTime.ToUnixTimeSeconds();
        claims["exp"] = (now + lifetime).ToUnixTimeSeconds();
        claims["iat"] = now.ToUnixTimeSeconds();
        claims["jti"] = Guid.NewGuid().ToString();
    }

    private string Sign(string poolId, Dictionary<string, object> claims)
    {
        var key = keys.For(poolId);
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key.PrivateKey) { KeyId = key.KeyId }, SecurityAlgorithms.RsaSha256),
        });
    }
}
