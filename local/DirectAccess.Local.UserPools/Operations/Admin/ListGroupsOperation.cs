using System.Globalization;
using System.Text.Json.Nodes;
using DirectAccess.Local.UserPools.Protocol;

namespace DirectAccess.Local.UserPools.Operations.Admin;

/// <summary>
/// <c>ListGroups {UserPoolId, Limit? (1–60, default 60), NextToken?}</c> (Cognito API reference; SigV4,
/// administrator): the pool's groups from the template as <c>GroupType</c> (<c>GroupName</c>, <c>UserPoolId</c>,
/// <c>Description</c>, <c>RoleArn</c>, <c>Precedence</c>, dates = when this local cloud started).
/// </summary>
public sealed class ListGroupsOperation(AdminTarget target, TimeProvider clock) : ICognitoOperation
{
    private readonly double _loaded = UserJson.Timestamp(clock.GetUtcNow());

    /// <inheritdoc />
    public string Name => "ListGroups";

    /// <inheritdoc />
    public bool RequiresAdministrator => true;

    /// <inheritdoc />
    public Task<JsonObject> ExecuteAsync(CognitoRequest request)
    {
        var pool = target.Pool(request);
        var limit = request.Integer("Limit") ?? 60;
        if (limit is < 0 or > 60)
        {
            throw CognitoException.InvalidParameter("Limit must be between 1 and 60.");
        }

        limit = limit == 0 ? 60 : limit;
        var start = 0;
        if (request.Optional("NextToken") is { } token && (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start > pool.Groups.Count))
        {
            throw CognitoException.InvalidParameter("Invalid NextToken.");
        }

        var groups = new JsonArray();
        foreach (var group in pool.Groups.Skip(start).Take(limit))
        {
            var entry = new JsonObject { ["GroupName"] = group.Name, ["UserPoolId"] = pool.Id };
            if (group.Description is not null)
            {
                entry["Description"] = group.Description;
            }

            if (group.RoleArn is not null)
            {
                entry["RoleArn"] = group.RoleArn;
            }

            if (group.Precedence is not null)
            {
                entry["Precedence"] = group.Precedence;
            }

            entry["LastModifiedDate"] = _loaded;
            entry["CreationDate"] = _loaded;
            groups.Add(entry);
        }

        var response = new JsonObject { ["Groups"] = groups };
        if (start + limit < pool.Groups.Count)
        {
            response["NextToken"] = (start + limit).ToString(CultureInfo.InvariantCulture);
        }

        return Task.FromResult(response);
    }
}
