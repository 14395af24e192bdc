namespace DirectAccess.Client.UserPool.Admin;

/// <summary>Listing calls: <c>ListUsers</c> (paged by <c>PaginationToken</c>) and <c>AdminListGroupsForUser</c> (paged by <c>NextToken</c>).</summary>
public sealed partial class CognitoUserPoolAdminClient
{
    /// <summary><c>ListUsers</c>: one page (at most 60 users).</summary>
    public Task<ListUsersResponse> ListUsersAsync(ListUsersRequest request, CancellationToken ct = default) =>
        _protocol.SendAsync<ListUsersRequest, ListUsersResponse>("ListUsers", request, ct);

    /// <summary><c>AdminListGroupsForUser</c>: one page of the user's groups.</summary>
    /// <exception cref="Errors.UserNotFoundException">When the user does not exist.</exception>
    public Task<AdminListGroupsForUserResponse> AdminListGroupsForUserAsync(AdminListGroupsForUserRequest request, CancellationToken ct = default) =>
        _protocol.SendAsync<AdminListGroupsForUserRequest, AdminListGroupsForUserResponse>("AdminListGroupsForUser", request, ct);

    /// <summary>Every user of the pool with their group names (all pages of both calls).</summary>
    public async Task<IReadOnlyList<UserWithGroups>> ListUsersWithGroupsAsync(string userPoolId, CancellationToken ct = default)
    {
        var result = new List<UserWithGroups>();
        string? page = null;
        do
        {
            var users = await ListUsersAsync(new ListUsersRequest { UserPoolId = userPoolId, PaginationToken = page }, ct).ConfigureAwait(false);
            foreach (var user in users.Users ?? [])
            {
                var groups = new List<string>();
                string? next = null;
                do
                {
                    var response = await AdminListGroupsForUserAsync(new AdminListGroupsForUserRequest { UserPoolId = userPoolId, Username = user.Username!, NextToken = next }, ct).ConfigureAwait(false);
                    groups.AddRange((response.Groups ?? []).Select(g => g.GroupName ?? ""));
                    next = response.NextToken;
                }
                while (next is not null);

                result.Add(new UserWithGroups(user.Username ?? "", user.UserStatus, user.Enabled, groups));
            }

            page = users.PaginationToken;
        }
        while (page is not null);

        return result;
    }
}

/// <summary>A user with the names of their groups.</summary>
/// <param name="Username">User name.</param>
/// <param name="Status"><c>CONFIRMED</c>, <c>FORCE_CHANGE_PASSWORD</c>, ...</param>
/// <param name="Enabled">Whether the user may sign in.</param>
/// <param name="Groups">Group names.</param>
public sealed record UserWithGroups(string Username, string? Status, bool Enabled, IReadOnlyList<string> Groups);

/// <summary><c>ListUsers</c> request.</summary>
public sealed class ListUsersRequest
{
    /// <summary>User pool id.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>The previous page's token, or null for the first page.</summary>
    public string? PaginationToken { get; init; }
}

/// <summary><c>ListUsers</c> response.</summary>
public sealed class ListUsersResponse
{
    /// <summary>The users of this page.</summary>
    public List<UserType>? Users { get; init; }

    /// <summary>Token of the next page; null on the last.</summary>
    public string? PaginationToken { get; init; }
}

/// <summary><c>AdminListGroupsForUser</c> request.</summary>
public sealed class AdminListGroupsForUserRequest
{
    /// <summary>User pool id.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>User name.</summary>
    public required string Username { get; init; }

    /// <summary>The previous page's token, or null.</summary>
    public string? NextToken { get; init; }
}

/// <summary><c>AdminListGroupsForUser</c> response.</summary>
public sealed class AdminListGroupsForUserResponse
{
    /// <summary>The user's groups.</summary>
    public List<GroupType>? Groups { get; init; }

    /// <summary>Token of the next page; null on the last.</summary>
    public string? NextToken { get; init; }
}

/// <summary>A group (<c>GroupType</c>).</summary>
public sealed class GroupType
{
    /// <summary>Group name.</summary>
    public string? GroupName { get; init; }

    /// <summary>Precedence (lower wins).</summary>
    public int? Precedence { get; init; }

    /// <summary>The group's IAM role ARN.</summary>
    public string? RoleArn { get; init; }
}
