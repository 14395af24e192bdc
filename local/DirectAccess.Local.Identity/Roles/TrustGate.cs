using DirectAccess.Local.Model;
using DirectAccess.Policies;

namespace DirectAccess.Local.Identity.Roles;

/// <summary>
/// Whether a web identity from the Cognito identity pool may assume a role (Cognito developer guide, "Role trust and
/// permissions"; REFERENCE §2): the role's trust policy, evaluated by the policy engine for
/// <c>sts:AssumeRoleWithWebIdentity</c> by <c>Federated: cognito-identity.amazonaws.com</c> with context keys
/// <c>cognito-identity.amazonaws.com:aud</c> (pool id), <c>:amr</c> and <c>:sub</c> (identity id), must allow; and the
/// trust policy must pin the audience — both by <see cref="TrustPolicy.HasAudienceCondition"/> and by a probe that the
/// same request for another pool would be refused. Otherwise the role is not assumable.
/// </summary>
public static class TrustGate
{
    /// <summary>The federated principal of identity-pool tokens.</summary>
    public const string CognitoIdentityProvider = "cognito-identity.amazonaws.com";

    private const string ProbeAudience = "local-probe:00000000-0000-0000-0000-000000000000";

    /// <summary>True when <paramref name="role"/> may be assumed by this identity.</summary>
    public static bool Allows(RoleModel role, string audience, string subject, IReadOnlyList<string> amr)
    {
        if (!TrustPolicy.HasAudienceCondition(role.TrustPolicy))
        {
            return false;
        }

        var allowed = TrustPolicy.EvaluateAssumeRoleWithWebIdentity(role.TrustPolicy, CognitoIdentityProvider, Context(audience, subject, amr));
        if (!allowed.IsAllowed)
        {
            return false;
        }

        var forAnyPool = TrustPolicy.EvaluateAssumeRoleWithWebIdentity(role.TrustPolicy, CognitoIdentityProvider, Context(ProbeAudience, subject, amr));
        return !forAnyPool.IsAllowed;
    }

    private static Dictionary<string, string[]> Context(string audience, string subject, IReadOnlyList<string> amr) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["cognito-identity.amazonaws.com:aud"] = [audience],
        ["cognito-identity.amazonaws.com:sub"] = [subject],
        ["cognito-identity.amazonaws.com:amr"] = amr.ToArray(),
    };
}
