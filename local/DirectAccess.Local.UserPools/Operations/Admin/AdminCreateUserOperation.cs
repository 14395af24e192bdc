using System.Text.Json.Nodes;
using DirectAccess.Local.UserPools.Protocol;
using DirectAccess.Local.UserPools.Srp;
using DirectAccess.Local.UserPools.Users;

namespace DirectAccess.Local.UserPools.Operations.Admin;

/// <summary>
/// <c>AdminCreateUser {UserPoolId, Username, UserAttributes?, TemporaryPassword?, MessageAction?}</c> (Cognito API
/// reference; SigV4, administrator): creates the user in <c>FORCE_CHANGE_PASSWORD</c> with the given (policy-checked)
/// or a generated temporary password. The invitation is "sent" by writing the temporary password to the log unless
/// <c>MessageAction</c> is <c>SUPPRESS</c>; <c>RESEND</c> issues a new temporary password to an existing user still in
/// <c>FORCE_CHANGE_PASSWORD</c>. Returns <c>{User: UserType}</c>.
/// </summary>
public sealed class AdminCreateUserOperation(AdminTarget target, UserStore users, LocalCloudOptions options, TimeProvider clock)
    : ICognitoOperation
{
    /// <inheritdoc />
    public string Name => "AdminCreateUser";

    /// <inheritdoc />
    public bool RequiresAdministrator => true;

    /// <inheritdoc />
    public Task<JsonObject> ExecuteAsync(CognitoRequest request)
    {
        var pool = target.Pool(request);
        var username = request.Required("Username");
        var action = request.Optional("MessageAction");
        if (action is not (null or "SUPPRESS" or "RESEND"))
        {
            throw CognitoException.InvalidParameter($"Invalid MessageAction {action}.");
        }

        NewUserAttributes.RequireValidUsername(username);
        var temporary = request.Optional("TemporaryPassword");
        if (temporary is not null)
        {
            PasswordPolicyCheck.Enforce(pool.PasswordPolicy, temporary);
        }

        temporary ??= TemporaryPasswords.For(pool.PasswordPolicy);
        var now = clock.GetUtcNow();
        UserRecord user;
        if (action == "RESEND")
        {
            var existing = users.Find(pool.Id, username) ?? throw CognitoException.UserNotFound();
            if (existing.Status != UserStatus.ForceChangePassword)
            {
                throw new CognitoException("UnsupportedUserStateException", $"Resend not possible. {existing.Username} status is not FORCE_CHANGE_PASSWORD.");
            }

            user = existing with { Password = PasswordVerifier.Create(UserPoolDirectory.SrpPoolName(pool), existing.Username, temporary), Modified = now };
            users.Update(user);
        }
        else
        {
            var attributes = NewUserAttributes.From(request.Attributes("UserAttributes"));
            user = new UserRecord(pool.Id, username, UserRecord.KeyOf(username), Guid.NewGuid().ToString(), UserStatus.ForceChangePassword,
                Enabled: true, PasswordVerifier.Create(UserPoolDirectory.SrpPoolName(pool), username, temporary), attributes, now, now, null);
            if (!users.TryInsert(user))
            {
                throw new CognitoException("UsernameExistsException", "User account already exists");
            }
        }

        if (action != "SUPPRESS")
        {
            LocalLog.Write(options, $"cognito-idp: temporary password for user '{user.Username}' in {pool.Id}: {temporary}");
        }

        return Task.FromResult(new JsonObject { ["User"] = UserJson.User(user) });
    }
}
