using System.Text.Json.Nodes;
using DirectAccess.Local.UserPools.Protocol;
using DirectAccess.Local.UserPools.Users;

namespace DirectAccess.Local.UserPools.Operations.Admin;

/// <summary>
/// <c>AdminListGroupsForUser {UserPoolId, Username, Limit?, NextToken?}</c> (Cognito API reference; SigV4,
/// administrator): the user's groups as <c>GroupType</c> (<c>GroupName</c>, <c>UserPoolId</c>, <c>Description</c>,
/// <c>RoleArn</c>, <c>Precedence</c>). A user belongs to at most the pool's few groups, so one page holds them all.
/// </summary>
public sealed class AdminListGroupsForUserOperation(AdminTarget target, UserStore users) : ICognitoOperation
{
    /// <inheritdoc />
    public string Name => "AdminListGroupsForUser";

    /// <inheritdoc />
    public bool RequiresAdministrator => true;

    /// <inheritdoc />
    public Task<JsonObject> ExecuteAsync(CognitoRequest request)
    {
        var (pool, user) = target.User(request);
        var groups = new JsonArray();
        foreach (var name in users.GroupsOf(pool.Id, user.UsernameKey))
        {
            var group = pool.Groups.FirstOrDefault(g => g.Name == name);
            var entry = new JsonObject { ["GroupName"] = name, ["UserPoolId"] = pool.Id };
            if (group?.Description is not null)
            {
                entry["Description"] = group.Description;
            }

            if (group?.RoleArn is not null)
            {
                entry["RoleArn"] = group.RoleArn;
            }

            if (group?.Precedence is not null)
            {
                entry["Precedence"] = group.Precedence;
            }

            groups.Add(entry);
        }

        return Task.FromResult(new JsonObject { ["Groups"] = groups });
    }
}
