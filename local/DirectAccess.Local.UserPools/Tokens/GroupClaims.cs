using DirectAccess.Local.Model;

namespace DirectAccess.Local.UserPools.Tokens;

/// <summary>
/// The group claims of a user's tokens (REFERENCE.md §2; Cognito developer guide, "Adding groups to a user pool"):
/// <c>cognito:groups</c> (every group), <c>cognito:roles</c> (the distinct roles of the groups that have one) and
/// <c>cognito:preferred_role</c> (the role of the group with the lowest <c>Precedence</c>; groups without precedence
/// rank below all numbered ones; a tie at the top between different roles gives no preferred role).
/// </summary>
/// <param name="Groups">Group names, best precedence first (ties and unnumbered by name); empty when none.</param>
/// <param name="Roles">Role ARNs in the same order, without duplicates; empty when none.</param>
/// <param name="PreferredRole">The preferred role ARN, or null.</param>
public sealed record GroupClaims(IReadOnlyList<string> Groups, IReadOnlyList<string> Roles, string? PreferredRole)
{
    /// <summary>Computes the claims for membership in <paramref name="memberOf"/> (names; unknown names are ignored).</summary>
    public static GroupClaims For(IEnumerable<string> memberOf, IReadOnlyList<GroupModel> poolGroups)
    {
        var names = new HashSet<string>(memberOf, StringComparer.Ordinal);
        var groups = poolGroups
            .Where(g => names.Contains(g.Name))
            .OrderBy(g => g.Precedence ?? int.MaxValue)
            .ThenBy(g => g.Precedence is null ? 1 : 0)
            .ThenBy(g => g.Name, StringComparer.Ordinal)
            .ToList();
        var roles = groups.Where(g => g.RoleArn is not null).Select(g => g.RoleArn!).Distinct(StringComparer.Ordinal).ToList();
        return new GroupClaims(groups.Select(g => g.Name).ToList(), roles, PreferredRoleOf(groups));
    }

    private static string? PreferredRoleOf(IReadOnlyList<GroupModel> groups)
    {
        var withRole = groups.Where(g => g.RoleArn is not null).ToList();
        if (withRole.Count == 0)
        {
            return null;
        }

        // Only groups that carry a role compete; among them the best precedence (null = worst) wins outright.
        var best = withRole[0].Precedence;
        var top = withRole.Where(g => g.Precedence == best).Select(g => g.RoleArn!).Distinct(StringComparer.Ordinal).ToList();
        return top.Count == 1 ? top[0] : null;
    }
}
