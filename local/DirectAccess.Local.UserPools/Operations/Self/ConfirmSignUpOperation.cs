using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DirectAccess.Local.Model;
using DirectAccess.Local.UserPools.Operations.Auth;
using DirectAccess.Local.UserPools.Protocol;
using DirectAccess.Local.UserPools.Users;

namespace DirectAccess.Local.UserPools.Operations.Self;

/// <summary>
/// <c>ConfirmSignUp {ClientId, Username, ConfirmationCode, SecretHash?}</c> (Cognito API reference): unsigned; the
/// code from the log confirms the user (status <c>CONFIRMED</c>; <c>email_verified</c> set when the pool auto-verifies
/// email). Wrong code — and, with PreventUserExistenceErrors, an unknown user — is <c>CodeMismatchException</c>;
/// an already confirmed user is <c>NotAuthorizedException</c> "User cannot be confirmed. Current status is CONFIRMED".
/// </summary>
public sealed class ConfirmSignUpOperation(UserPoolDirectory pools, UserStore users, TimeProvider clock) : ICognitoOperation
{
    /// <inheritdoc />
    public string Name => "ConfirmSignUp";

    /// <inheritdoc />
    public bool RequiresAdministrator => false;

    /// <inheritdoc />
    public Task<JsonObject> ExecuteAsync(CognitoRequest request)
    {
        var (pool, client) = pools.Client(request.Required("ClientId"));
        var username = request.Required("Username");
        var code = request.Required("ConfirmationCode");
        ClientGate.RequireSecretHash(client, request.Optional("SecretHash"), username);

        var mismatch = new CognitoException("CodeMismatchException", "Invalid verification code provided, please try again.");
        var user = users.Find(pool.Id, username) ?? throw mismatch;
        if (user.Status != UserStatus.Unconfirmed)
        {
            throw CognitoException.NotAuthorized($"User cannot be confirmed. Current status is {user.Status}");
        }

        if (user.ConfirmationCode is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(user.ConfirmationCode), Encoding.UTF8.GetBytes(code)))
        {
            throw mismatch;
        }

        users.Update(user with
        {
            Status = UserStatus.Confirmed,
            ConfirmationCode = null,
            Attributes = Verified(pool, user.Attributes),
            Modified = clock.GetUtcNow(),
        });
        return Task.FromResult(new JsonObject());
    }

    private static Dictionary<string, string> Verified(UserPoolModel pool, IReadOnlyDictionary<string, string> attributes)
    {
        var result = new Dictionary<string, string>(attributes, StringComparer.Ordinal);
        foreach (var attribute in pool.AutoVerifiedAttributes)
        {
            if (result.ContainsKey(attribute))
            {
                result[attribute + "_verified"] = "true";
            }
        }

        return result;
    }
}
