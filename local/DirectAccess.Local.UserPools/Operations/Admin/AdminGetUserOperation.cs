using System.Text.Json.Nodes;
using DirectAccess.Local.UserPools.Protocol;

namespace DirectAccess.Local.UserPools.Operations.Admin;

/// <summary>
/// <c>AdminGetUser {UserPoolId, Username}</c> (Cognito API reference; SigV4, administrator): returns
/// <c>{Username, UserAttributes, UserCreateDate, UserLastModifiedDate, Enabled, UserStatus}</c>.
/// </summary>
public sealed class AdminGetUserOperation(AdminTarget target) : ICognitoOperation
{
    /// <inheritdoc />
    public string Name => "AdminGetUser";

    /// <inheritdoc />
    public bool RequiresAdministrator => true;

    /// <inheritdoc />
    public Task<JsonObject> ExecuteAsync(CognitoRequest request)
    {
        var (_, user) = target.User(request);
        return Task.FromResult(new JsonObject
        {
            ["Username"] = user.Username,
            ["UserAttributes"] = UserJson.Attributes(user),
            ["UserCreateDate"] = UserJson.Timestamp(user.Created),
            ["UserLastModifiedDate"] = UserJson.Timestamp(user.Modified),
            ["Enabled"] = user.Enabled,
            ["UserStatus"] = user.Status,
        });
    }
}
