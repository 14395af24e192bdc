using System.Text.Json.Nodes;
using DirectAccess.Local.UserPools.Protocol;
using DirectAccess.Local.UserPools.Srp;
using DirectAccess.Local.UserPools.Users;

namespace DirectAccess.Local.UserPools.Operations.Admin;

/// <summary>
/// <c>AdminSetUserPassword {UserPoolId, Username, Password, Permanent?}</c> (Cognito API reference; SigV4,
/// administrator): policy-checked; <c>Permanent: true</c> → <c>CONFIRMED</c>, otherwise a temporary password →
/// <c>FORCE_CHANGE_PASSWORD</c>. Returns <c>{}</c>.
/// </summary>
public sealed class AdminSetUserPasswordOperation(AdminTarget target, UserStore users, TimeProvider clock) : ICognitoOperation
{
    /// <inheritdoc />
    public string Name => "AdminSetUserPassword";

    /// <inheritdoc />
    public bool RequiresAdministrator => true;

    /// <inheritdoc />
    public Task<JsonObject> ExecuteAsync(CognitoRequest request)
    {
        var (pool, user) = target.User(request);
        var password = request.Required("Password");
        var permanent = request.Boolean("Permanent", fallback: false);
        PasswordPolicyCheck.Enforce(pool.PasswordPolicy, password);
        users.Update(user with
        {
            Password = PasswordVerifier.Create(UserPoolDirectory.SrpPoolName(pool), user.Username, password),
            Status = permanent ? UserStatus.Confirmed : UserStatus.ForceChangePassword,
            ConfirmationCode = permanent ? null : user.ConfirmationCode,
            Modified = clock.GetUtcNow(),
        });
        return Task.FromResult(new JsonObject());
    }
}
