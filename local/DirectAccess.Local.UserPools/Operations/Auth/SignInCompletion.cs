using System.Text.Json;
using System.Text.Json.Nodes;
using DirectAccess.Local.Model;
using DirectAccess.Local.UserPools.Sessions;
using DirectAccess.Local.UserPools.Tokens;
using DirectAccess.Local.UserPools.Users;

namespace DirectAccess.Local.UserPools.Operations.Auth;

/// <summary>
/// The step after a user proved their password (SRP or <c>USER_PASSWORD_AUTH</c>): disabled → <c>NotAuthorizedException</c>
/// "User is disabled."; <c>UNCONFIRMED</c> → <c>UserNotConfirmedException</c>; <c>FORCE_CHANGE_PASSWORD</c> → the
/// <c>NEW_PASSWORD_REQUIRED</c> challenge with a <c>Session</c>; otherwise tokens with a new refresh token.
/// Status is checked only after the proof so a wrong password never reveals it.
/// </summary>
public sealed class SignInCompletion(UserStore users, RefreshTokenStore refreshTokens, TokenIssuer issuer,
    ExpiringSessionStore<ChallengeSession> challenges, TimeProvider clock)
{
    /// <summary>The <c>InitiateAuth</c>/<c>RespondToAuthChallenge</c> response for <paramref name="user"/>.</summary>
    public JsonObject Complete(UserPoolModel pool, UserPoolClientModel client, UserRecord user)
    {
        if (!user.Enabled)
        {
            throw CognitoException.NotAuthorized("User is disabled.");
        }

        switch (user.Status)
        {
            case UserStatus.Unconfirmed:
                throw new CognitoException("UserNotConfirmedException", "User is not confirmed.");
            case UserStatus.ForceChangePassword:
                return NewPasswordRequired(pool, client, user);
            case UserStatus.Confirmed:
                return new JsonObject { ["ChallengeParameters"] = new JsonObject(), ["AuthenticationResult"] = IssueTokens(pool, client, user) };
            default:
                throw CognitoException.NotAuthorized($"User status {user.Status} does not allow sign-in.");
        }
    }

    /// <summary>Tokens for a fresh sign-in: new <c>origin_jti</c>, new durable refresh token.</summary>
    public JsonObject IssueTokens(UserPoolModel pool, UserPoolClientModel client, UserRecord user)
    {
        var now = clock.GetUtcNow();
        var originJti = Guid.NewGuid().ToString();
        var refreshToken = refreshTokens.Issue(pool.Id, client.ClientId, user.UsernameKey, originJti, now, now + client.RefreshTokenValidity);
        var groups = GroupClaims.For(users.GroupsOf(pool.Id, user.UsernameKey), pool.Groups);
        return issuer.AuthenticationResult(new SignIn(pool, client, user, groups, now, originJti), refreshToken);
    }

    private JsonObject NewPasswordRequired(UserPoolModel pool, UserPoolClientModel client, UserRecord user)
    {
        var session = challenges.Add(new ChallengeSession(pool.Id, client.ClientId, user.UsernameKey));
        return new JsonObject
        {
            ["ChallengeName"] = "NEW_PASSWORD_REQUIRED",
            ["Session"] = session,
            ["ChallengeParameters"] = new JsonObject
            {
                ["USER_ID_FOR_SRP"] = user.Username,
                ["requiredAttributes"] = "[]",
                ["userAttributes"] = JsonSerializer.Serialize(user.Attributes),
            },
        };
    }
}
