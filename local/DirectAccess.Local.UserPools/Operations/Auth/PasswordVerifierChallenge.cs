using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DirectAccess.Local.Model;
using DirectAccess.Local.UserPools.Sessions;
using DirectAccess.Local.UserPools.Srp;
using DirectAccess.Local.UserPools.Users;

namespace DirectAccess.Local.UserPools.Operations.Auth;

/// <summary>
/// <c>RespondToAuthChallenge</c> with <c>PASSWORD_VERIFIER {USERNAME, PASSWORD_CLAIM_SECRET_BLOCK, TIMESTAMP,
/// PASSWORD_CLAIM_SIGNATURE, SECRET_HASH?}</c> (REFERENCE.md §3): finds the exchange by its <c>SECRET_BLOCK</c>
/// (single use, same client and user), checks the timestamp, derives the session key and verifies the signature.
/// Any mismatch is "Incorrect username or password."; repeated failures lock the user out (<see cref="SignInLockout"/>).
/// </summary>
public sealed class PasswordVerifierChallenge(UserStore users, ExpiringSessionStore<SrpSession> sessions,
    SignInCompletion completion, SignInLockout lockout, TimeProvider clock)
{
    /// <summary>Verifies the claim and completes the sign-in.</summary>
    public JsonObject Respond(UserPoolModel pool, UserPoolClientModel client, IReadOnlyDictionary<string, string> responses)
    {
        var username = Require(responses, "USERNAME");
        var secretBlockText = Require(responses, "PASSWORD_CLAIM_SECRET_BLOCK");
        var timestamp = Require(responses, "TIMESTAMP");
        var signature = Require(responses, "PASSWORD_CLAIM_SIGNATURE");
        ClientGate.RequireSecretHash(client, responses.GetValueOrDefault("SECRET_HASH"), username);

        var session = sessions.Take(secretBlockText);
        if (session is null || session.PoolId != pool.Id || session.ClientId != client.ClientId)
        {
            throw CognitoException.NotAuthorized("Invalid session for the user, session is expired.");
        }

        if (!SrpTimestamp.IsAcceptable(timestamp, clock.GetUtcNow()))
        {
            throw CognitoException.NotAuthorized("Incorrect username or password.");
        }

        var matchesUser = session.UsernameKey == UserRecord.KeyOf(username) || session.UserIdForSrp == username;
        if (session.UsernameKey is not null && matchesUser)
        {
            lockout.EnsureNotLocked(pool.Id, session.UsernameKey);
        }

        var key = session.Exchange.DeriveKey(session.PublicA);
        if (key is null || session.UsernameKey is null || !matchesUser
            || !SrpServerExchange.IsValidClaim(key, UserPoolDirectory.SrpPoolName(pool), session.UserIdForSrp,
                Convert.FromBase64String(secretBlockText), timestamp, signature))
        {
            if (session.UsernameKey is not null && matchesUser)
            {
                lockout.RecordFailure(pool.Id, session.UsernameKey);
            }

            throw CognitoException.IncorrectCredentials();
        }

        var user = users.Find(pool.Id, session.UsernameKey);
        if (user?.Password is null || !CryptographicOperations.FixedTimeEquals(user.Password.Verifier, session.Verifier))
        {
            throw CognitoException.IncorrectCredentials();
        }

        lockout.RecordSuccess(pool.Id, user.UsernameKey);
        return completion.Complete(pool, client, user);
    }

    private static string Require(IReadOnlyDictionary<string, string> responses, string name) =>
        responses.GetValueOrDefault(name) is { Length: > 0 } value
            ? value
            : throw CognitoException.InvalidParameter($"Missing required parameter {name}");
}
