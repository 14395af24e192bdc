using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DirectAccess.Local.UserPools.Operations.Auth;
using DirectAccess.Local.UserPools.Protocol;
using DirectAccess.Local.UserPools.Users;

namespace DirectAccess.Local.UserPools.Operations.Self;

/// <summary>
/// <c>SignUp {ClientId, Username, Password, UserAttributes?, SecretHash?}</c> (Cognito API reference, SignUp):
/// unsigned; password policy enforced (<c>InvalidPasswordException</c>), taken names refused
/// (<c>UsernameExistsException</c> "User already exists"). The user is <c>UNCONFIRMED</c>; the 6-digit confirmation code
/// is "delivered" by writing it to the local cloud's log. Returns <c>{UserConfirmed:false, UserSub, CodeDeliveryDetails?}</c>.
/// </summary>
public sealed class SignUpOperation(UserPoolDirectory pools, UserStore users, LocalCloudOptions options, TimeProvider clock) : ICognitoOperation
{
    /// <inheritdoc />
    public string Name => "SignUp";

    /// <inheritdoc />
    public bool RequiresAdministrator => false;

    /// <inheritdoc />
    public Task<JsonObject> ExecuteAsync(CognitoRequest request)
    {
        var (pool, client) = pools.Client(request.Required("ClientId"));
        var username = request.Required("Username");
        var password = request.Required("Password");
        NewUserAttributes.RequireValidUsername(username);
        ClientGate.RequireSecretHash(client, request.Optional("SecretHash"), username);
        PasswordPolicyCheck.Enforce(pool.PasswordPolicy, password);
        var attributes = NewUserAttributes.From(request.Attributes("UserAttributes"));

        var now = clock.GetUtcNow();
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var user = new UserRecord(pool.Id, username, UserRecord.KeyOf(username), Guid.NewGuid().ToString(), UserStatus.Unconfirmed,
            Enabled: true, Srp.PasswordVerifier.Create(UserPoolDirectory.SrpPoolName(pool), username, password), attributes, now, now, code);
        if (!users.TryInsert(user))
        {
            throw new CognitoException("UsernameExistsException", "User already exists");
        }

        LocalLog.Write(options, $"cognito-idp: confirmation code for user '{username}' in {pool.Id}: {code}");
        var response = new JsonObject { ["UserConfirmed"] = false, ["UserSub"] = user.Sub };
        if (attributes.TryGetValue("email", out var email))
        {
            response["CodeDeliveryDetails"] = new JsonObject
            {
                ["Destination"] = Mask(email),
                ["DeliveryMedium"] = "EMAIL",
                ["AttributeName"] = "email",
            };
        }

        return Task.FromResult(response);
    }

    // Cognito shows the destination masked, e.g. a***@e***.
    private static string Mask(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 || at == email.Length - 1 ? "***" : $"{email[0]}***@{email[at + 1]}***";
    }
}
