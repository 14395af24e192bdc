using DirectAccess.Local.Model;
using DirectAccess.Policies;

namespace DirectAccess.Local.Auth.Iam;

/// <summary>
/// The identity policies of every role in the stack, each compiled once into a <see cref="PolicySet"/> at start-up
/// (compilation is where wildcards and conditions are pre-built; evaluation then costs no allocation of patterns).
/// Immutable and thread-safe.
/// </summary>
public sealed class RolePolicies
{
    private readonly Dictionary<string, PolicySet> _byArn;

    /// <summary>Compiles the policies of <paramref name="roles"/>, keyed by role ARN (exact, case-sensitive as IAM ARNs are).</summary>
    /// <exception cref="ArgumentException">When two roles share an ARN.</exception>
    public RolePolicies(IEnumerable<RoleModel> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        _byArn = new Dictionary<string, PolicySet>(StringComparer.Ordinal);
        foreach (var role in roles)
        {
            if (!_byArn.TryAdd(role.Arn, PolicySet.Compile(role.Policies)))
            {
                throw new ArgumentException($"Two roles have the ARN {role.Arn}.", nameof(roles));
            }
        }
    }

    /// <summary>The compiled policies of the role <paramref name="roleArn"/>, or null when the stack has no such role.</summary>
    public PolicySet? Find(string? roleArn) => roleArn is not null && _byArn.TryGetValue(roleArn, out var set) ? set : null;
}
