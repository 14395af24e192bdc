using System.Text.Json.Nodes;
using DirectAccess.Local.UserPools.Protocol;
using DirectAccess.Local.UserPools.Users;

namespace DirectAccess.Local.UserPools.Operations.Admin;

/// <summary>
/// <c>AdminAddUserToGroup {UserPoolId, Username, GroupName}</c> (Cognito API reference; SigV4, administrator):
/// idempotent; the new membership shows in tokens issued from now on. Returns <c>{}</c>.
/// </summary>
public sealed class AdminAddUserToGroupOperation(AdminTarget target, UserStore users) : ICognitoOperation
{
    /// <inheritdoc />
    public string Name => "AdminAddUserToGroup";

    /// <inheritdoc />
    public bool RequiresAdministrator => true;

    /// <inheritdoc />
    public Task<JsonObject> ExecuteAsync(CognitoRequest request)
    {
        var (pool, user) = target.User(request);
        users.AddToGroup(pool.Id, user.UsernameKey, AdminTarget.Group(pool, request).Name);
        return Task.FromResult(new JsonObject());
    }
}

/// <summary>
/// <c>AdminRemoveUserFromGroup {UserPoolId, Username, GroupName}</c> (Cognito API reference; SigV4, administrator):
/// idempotent. Returns <c>{}</c>.
/// </summary>
public sealed class AdminRemoveUserFromGroupOperation(AdminTarget target, UserStore users) : ICognitoOperation
{
    /// <inheritdoc />
    public string Name => "AdminRemoveUserFromGroup";

    /// <inheritdoc />
    public bool RequiresAdministrator => true;

    /// <inheritdoc />
    public Task<JsonObject> ExecuteAsync(CognitoRequest request)
    {
        var (pool, user) = target.User(request);
        users.RemoveFromGroup(pool.Id, user.UsernameKey, AdminTarget.Group(pool, request).Name);
        return Task.FromResult(new JsonObject());
    }
}
