using System.Text.Json.Nodes;
using DirectAccess.Local.Model;
using DirectAccess.Local.UserPools.Sessions;
using DirectAccess.Local.UserPools.Srp;
using DirectAccess.Local.UserPools.Users;

namespace DirectAccess.Local.UserPools.Operations.Auth;

/// <summary>
/// <c>RespondToAuthChallenge</c> with <c>NEW_PASSWORD_REQUIRED {USERNAME, NEW_PASSWORD, userAttributes.*?}</c> and
/// the challenge's <c>Session</c> (Cognito API reference, RespondToAuthChallenge): sets the new password (policy
/// enforced, stored as an SRP verifier), applies the given attributes, confirms the user and issues tokens.
/// </summary>
public sealed class NewPasswordChallenge(UserStore users, ExpiringSessionStore<ChallengeSession> challenges,
    SignInCompletion completion, TimeProvider clock)
{
    private const string AttributePrefix = "userAttributes.";

    /// <summary>Completes the challenge.</summary>
    /// <exception cref="CognitoException"><c>InvalidPasswordException</c> (the session stays usable),
    /// <c>NotAuthorizedException</c> "Invalid session for the user, session is expired." for a bad or used session.</exception>
    public JsonObject Respond(UserPoolModel pool, UserPoolClientModel client, string? sessionHandle, IReadOnlyDictionary<string, string> responses)
    {
        var username = responses.GetValueOrDefault("USERNAME") is { Length: > 0 } name
            ? name : throw CognitoException.InvalidParameter("Missing required parameter USERNAME");
        var newPassword = responses.GetValueOrDefault("NEW_PASSWORD") is { Length: > 0 } password
            ? password : throw CognitoException.InvalidParameter("Missing required parameter NEW_PASSWORD");
        ClientGate.RequireSecretHash(client, responses.GetValueOrDefault("SECRET_HASH"), username);
        // Policy first: a rejected password must not burn the session.
        PasswordPolicyCheck.Enforce(pool.PasswordPolicy, newPassword);

        var session = challenges.Take(sessionHandle);
        if (session is null || session.PoolId != pool.Id || session.ClientId != client.ClientId
            || session.UsernameKey != UserRecord.KeyOf(username))
        {
            throw CognitoException.NotAuthorized("Invalid session for the user, session is expired.");
        }

        var user = users.Find(pool.Id, session.UsernameKey) ?? throw CognitoException.IncorrectCredentials();
        if (user.Status != UserStatus.ForceChangePassword)
        {
            throw CognitoException.NotAuthorized("Invalid session for the user, session is expired.");
        }

        var attributes = new Dictionary<string, string>(user.Attributes, StringComparer.Ordinal);
        foreach (var (key, value) in responses.Where(r => r.Key.StartsWith(AttributePrefix, StringComparison.Ordinal)))
        {
            var attribute = key[AttributePrefix.Length..];
            if (attribute is "sub" || attribute.Length == 0)
            {
                throw CognitoException.InvalidParameter($"Cannot modify the non-mutable attribute {attribute}");
            }

            attributes[attribute] = value;
        }

        var updated = user with
        {
            Status = UserStatus.Confirmed,
            Password = PasswordVerifier.Create(UserPoolDirectory.SrpPoolName(pool), user.Username, newPassword),
            Attributes = attributes,
            Modified = clock.GetUtcNow(),
        };
        users.Update(updated);
        return new JsonObject { ["ChallengeParameters"] = new JsonObject(), ["AuthenticationResult"] = completion.IssueTokens(pool, client, updated) };
    }
}
