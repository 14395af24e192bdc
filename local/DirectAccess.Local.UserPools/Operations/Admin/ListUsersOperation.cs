using System.Text;
using System.Text.Json.Nodes;
using DirectAccess.Local.UserPools.Protocol;
using DirectAccess.Local.UserPools.Users;

namespace DirectAccess.Local.UserPools.Operations.Admin;

/// <summary>
/// <c>ListUsers {UserPoolId, AttributesToGet?, Limit? (1–60, default 60), PaginationToken?, Filter?}</c> (Cognito API
/// reference; SigV4, administrator): users ordered by username, <c>{Users: [UserType], PaginationToken?}</c>; the token
/// is opaque (Base64 of the last username key returned).
/// </summary>
public sealed class ListUsersOperation(AdminTarget target, UserStore users) : ICognitoOperation
{
    private const int PageSize = 200;

    /// <inheritdoc />
    public string Name => "ListUsers";

    /// <inheritdoc />
    public bool RequiresAdministrator => true;

    /// <inheritdoc />
    public Task<JsonObject> ExecuteAsync(CognitoRequest request)
    {
        var pool = target.Pool(request);
        var limit = request.Integer("Limit") ?? 60;
        if (limit is < 0 or > 60)
        {
            throw CognitoException.InvalidParameter(
                "1 validation error detected: Value at 'limit' failed to satisfy constraint: Member must have value less than or equal to 60");
        }

        limit = limit == 0 ? 60 : limit;
        var filter = UserFilter.Parse(request.Optional("Filter"));
        var only = request.Strings("AttributesToGet");
        var after = DecodeToken(request.Optional("PaginationToken"));

        var matches = new List<UserRecord>();
        var more = false;
        // Walk the pool in pages until a full page of matches plus one (to know whether to hand out a token).
        while (true)
        {
            var page = users.List(pool.Id, after, PageSize);
            foreach (var user in page)
            {
                after = user.UsernameKey;
                if (filter?.Matches(user) ?? true)
                {
                    if (matches.Count == limit)
                    {
                        more = true;
                        break;
                    }

                    matches.Add(user);
                }
            }

            if (more || page.Count < PageSize)
            {
                break;
            }
        }

        var response = new JsonObject { ["Users"] = new JsonArray(matches.Select(u => (JsonNode)UserJson.User(u, only)).ToArray()) };
        if (more)
        {
            response["PaginationToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(matches[^1].UsernameKey));
        }

        return Task.FromResult(response);
    }

    private static string? DecodeToken(string? token)
    {
        if (token is null)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw CognitoException.InvalidParameter("Invalid pagination token.");
        }
    }
}
