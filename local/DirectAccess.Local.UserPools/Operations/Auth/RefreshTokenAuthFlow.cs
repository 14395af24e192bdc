using System.Text.Json.Nodes;
using DirectAccess.Local.Model;
using DirectAccess.Local.UserPools.Tokens;
using DirectAccess.Local.UserPools.Users;

namespace DirectAccess.Local.UserPools.Operations.Auth;

/// <summary>
/// <c>InitiateAuth</c> with <c>REFRESH_TOKEN_AUTH {REFRESH_TOKEN, SECRET_HASH?}</c> (also accepted as
/// <c>REFRESH_TOKEN</c>): new ID and access tokens with the current groups and attributes, the original
/// <c>auth_time</c> and <c>origin_jti</c>, and no new refresh token (Cognito returns none for this flow).
/// </summary>
public sealed class RefreshTokenAuthFlow(UserStore users, RefreshTokenStore refreshTokens, TokenIssuer issuer, TimeProvider clock)
{
    /// <summary>Redeems the refresh token.</summary>
    /// <exception cref="CognitoException"><c>NotAuthorizedException</c> "Invalid Refresh Token", "Refresh Token has
    /// expired", "Refresh Token has been revoked", "User is disabled.", "User does not exist.".</exception>
    public JsonObject Run(UserPoolModel pool, UserPoolClientModel client, IReadOnlyDictionary<string, string> parameters)
    {
        var token = parameters.GetValueOrDefault("REFRESH_TOKEN") is { Length: > 0 } value
            ? value : throw CognitoException.InvalidParameter("Missing required parameter REFRESH_TOKEN");
        var record = refreshTokens.Find(token);
        if (record is null || record.PoolId != pool.Id || record.ClientId != client.ClientId)
        {
            throw CognitoException.NotAuthorized("Invalid Refresh Token");
        }

        if (record.Revoked)
        {
            throw CognitoException.NotAuthorized("Refresh Token has been revoked");
        }

        if (record.Expires <= clock.GetUtcNow())
        {
            throw CognitoException.NotAuthorized("Refresh Token has expired");
        }

        var user = users.Find(pool.Id, record.UsernameKey) ?? throw CognitoException.NotAuthorized("User does not exist.");
        ClientGate.RequireSecretHash(client, parameters.GetValueOrDefault("SECRET_HASH"), user.Username, user.Sub);
        if (!user.Enabled)
        {
            throw CognitoException.NotAuthorized("User is disabled.");
        }

        var groups = GroupClaims.For(users.GroupsOf(pool.Id, user.UsernameKey), pool.Groups);
        var signIn = new SignIn(pool, client, user, groups, record.AuthTime, record.OriginJti);
        return new JsonObject { ["ChallengeParameters"] = new JsonObject(), ["AuthenticationResult"] = issuer.AuthenticationResult(signIn, refreshToken: null) };
    }
}
