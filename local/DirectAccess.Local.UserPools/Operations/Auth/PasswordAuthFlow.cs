using System.Text.Json.Nodes;
using DirectAccess.Local.Model;
using DirectAccess.Local.UserPools.Srp;
using DirectAccess.Local.UserPools.Users;

namespace DirectAccess.Local.UserPools.Operations.Auth;

/// <summary>
/// <c>InitiateAuth</c> with <c>USER_PASSWORD_AUTH {USERNAME, PASSWORD, SECRET_HASH?}</c>: the password is checked
/// against the stored SRP verifier (g^x recomputed and compared in constant time); unknown user and wrong password
/// give the same <c>NotAuthorizedException</c>. Repeated failures lock the user out (<see cref="SignInLockout"/>).
/// </summary>
public sealed class PasswordAuthFlow(UserStore users, SignInCompletion completion, SignInLockout lockout)
{
    // Verified against when the user is unknown, so both failures cost the same ModPow.
    private static readonly PasswordVerifier Decoy = PasswordVerifier.Create("decoy", "decoy", Guid.NewGuid().ToString());

    /// <summary>Checks the password and completes the sign-in.</summary>
    public JsonObject Run(UserPoolModel pool, UserPoolClientModel client, IReadOnlyDictionary<string, string> parameters)
    {
        var username = parameters.GetValueOrDefault("USERNAME") is { Length: > 0 } name
            ? name : throw CognitoException.InvalidParameter("Missing required parameter USERNAME");
        var password = parameters.GetValueOrDefault("PASSWORD") is { Length: > 0 } secret
            ? secret : throw CognitoException.InvalidParameter("Missing required parameter PASSWORD");
        ClientGate.RequireSecretHash(client, parameters.GetValueOrDefault("SECRET_HASH"), username);

        var user = users.Find(pool.Id, username);
        if (user is not null)
        {
            lockout.EnsureNotLocked(pool.Id, user.UsernameKey);
        }

        var verifier = user?.Password ?? Decoy;
        var matches = verifier.Matches(UserPoolDirectory.SrpPoolName(pool), user?.Username ?? username, password);
        if (user?.Password is null || !matches)
        {
            if (user is not null)
            {
                lockout.RecordFailure(pool.Id, user.UsernameKey);
            }

            throw CognitoException.IncorrectCredentials();
        }

        lockout.RecordSuccess(pool.Id, user.UsernameKey);
        return completion.Complete(pool, client, user);
    }
}
