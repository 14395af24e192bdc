using DirectAccess.Local.Identity.Protocol;
using DirectAccess.Local.Identity.Tokens;
using DirectAccess.Local.Model;

namespace DirectAccess.Local.Identity.Roles;

/// <summary>
/// Picks the role for an authenticated identity exactly as REFERENCE §2 (Cognito developer guide, "Role-based access
/// control"). The mapping applies when its <c>IdentityProvider</c> is <c>&lt;provider&gt;:&lt;client id&gt;</c> of the
/// login. <b>Token</b>: <c>CustomRoleArn</c> must be in <c>cognito:roles</c> (else refused), otherwise
/// <c>cognito:preferred_role</c>, otherwise <c>AmbiguousRoleResolution</c> (also for a user in no role-bearing group).
/// <b>Rules</b>: first matching rule (<c>Equals</c>, <c>Contains</c>, <c>StartsWith</c>, <c>NotEqual</c>; a missing
/// claim matches nothing, <c>NotEqual</c> included), otherwise <c>AmbiguousRoleResolution</c>.
/// <c>AuthenticatedRole</c> falls back to the pool's authenticated role; <c>Deny</c> refuses.
/// </summary>
/// <remarks>
/// Where AWS is silent, the conservative reading: with <b>Rules</b> or with no mapping, a <c>CustomRoleArn</c> other
/// than the role that would be chosen is refused (never honoured as a way around the mapping).
/// </remarks>
public static class RoleResolver
{
    /// <summary>The chosen role ARN.</summary>
    /// <exception cref="IdentityPoolException"><c>NotAuthorizedException</c> (ambiguous + Deny, CustomRoleArn not allowed) or
    /// <c>InvalidIdentityPoolConfigurationException</c> (no role configured).</exception>
    public static string Resolve(IdentityPoolModel pool, ValidatedLogin login, string? customRoleArn)
    {
        var providerKey = $"{login.ProviderName}:{login.ClientId}";
        var mapping = pool.RoleMappings.FirstOrDefault(m => m.IdentityProvider == providerKey);
        if (mapping is null)
        {
            var fallback = pool.AuthenticatedRoleArn ?? throw IdentityPoolException.InvalidConfiguration();
            return customRoleArn is null || customRoleArn == fallback ? fallback : throw CustomRoleRefused();
        }

        if (mapping.Type == "Token")
        {
            if (customRoleArn is not null)
            {
                return login.Token.ClaimStrings("cognito:roles").Contains(customRoleArn, StringComparer.Ordinal)
                    ? customRoleArn
                    : throw CustomRoleRefused();
            }

            var preferred = login.Token.ClaimStrings("cognito:preferred_role");
            return preferred.Count == 1 ? preferred[0] : Ambiguous(pool, mapping, providerKey);
        }

        var matched = mapping.Rules.FirstOrDefault(rule => Matches(rule, login.Token));
        var chosen = matched?.RoleArn ?? Ambiguous(pool, mapping, providerKey);
        return customRoleArn is null || customRoleArn == chosen ? chosen : throw CustomRoleRefused();
    }

    /// <summary>Whether one rule matches the token's claim (string claims; array claims match on any element).</summary>
    public static bool Matches(MappingRuleModel rule, CompactJwt token)
    {
        var values = token.ClaimStrings(rule.Claim);
        if (values.Count == 0)
        {
            return false;
        }

        return rule.MatchType switch
        {
            "Equals" => values.Any(v => v == rule.Value),
            "Contains" => values.Any(v => v.Contains(rule.Value, StringComparison.Ordinal)),
            "StartsWith" => values.Any(v => v.StartsWith(rule.Value, StringComparison.Ordinal)),
            "NotEqual" => values.All(v => v != rule.Value),
            _ => false,
        };
    }

    private static string Ambiguous(IdentityPoolModel pool, RoleMappingModel mapping, string providerKey) =>
        mapping.AmbiguousRoleResolution == "AuthenticatedRole"
            ? pool.AuthenticatedRoleArn ?? throw IdentityPoolException.InvalidConfiguration()
            : throw IdentityPoolException.NotAuthorized($"The ambiguous role mapping rules for: {providerKey} denied this request.");

    private static IdentityPoolException CustomRoleRefused() =>
        IdentityPoolException.NotAuthorized("The CustomRoleArn is not one of the roles this login may assume.");
}
