using DirectAccess.Local.Model;
using DirectAccess.Local.Template.Resolution;

namespace DirectAccess.Local.Template.Resources;

/// <summary>
/// <c>AWS::Cognito::IdentityPoolRoleAttachment</c>: default roles and role mappings, validated as Cognito's
/// <c>SetIdentityPoolRoles</c> does (REFERENCE §2): <c>Type</c> Token|Rules, <c>AmbiguousRoleResolution</c>
/// AuthenticatedRole|Deny (required), 1–25 rules with <c>MatchType</c> Equals|Contains|StartsWith|NotEqual, claim
/// 1–64 and value 1–128 characters. A mapping's provider is its <c>IdentityProvider</c> property, else its key.
/// </summary>
internal static class RoleAttachmentReader
{
    private static readonly string[] MatchTypes = ["Equals", "Contains", "StartsWith", "NotEqual"];

    /// <summary>Applies the attachment to the identity pool it names.</summary>
    public static IdentityPoolModel Apply(PropertyReader properties, IReadOnlyList<IdentityPoolModel> pools)
    {
        var poolId = properties.RequiredString("IdentityPoolId");
        var pool = pools.FirstOrDefault(p => p.Id == poolId)
            ?? throw properties.Path.Child("IdentityPoolId").Error($"'{poolId}' is not an identity pool of this template.");
        if (pool.AuthenticatedRoleArn is not null || pool.UnauthenticatedRoleArn is not null || pool.RoleMappings.Count > 0)
        {
            throw properties.Path.Child("IdentityPoolId").Error($"Identity pool '{poolId}' already has a role attachment.");
        }

        var roles = properties.Object("Roles");
        string? authenticated = null, unauthenticated = null;
        if (roles is not null)
        {
            authenticated = roles.String("authenticated");
            unauthenticated = roles.String("unauthenticated");
            roles.EnsureAllUnderstood();
        }

        var mappings = new List<RoleMappingModel>();
        var mappingsNode = properties.Object("RoleMappings");
        foreach (var (key, _) in mappingsNode?.Entries ?? [])
        {
            var mapping = ReadMapping(key, mappingsNode!.Object(key)!);
            // A mapping that names no provider of the pool would never apply and silently hand out the default role.
            if (!pool.Providers.Any(p => $"{p.ProviderName}:{p.ClientId}" == mapping.IdentityProvider))
            {
                throw mappingsNode.Path.Child(key).Error(
                    $"IdentityProvider '{mapping.IdentityProvider}' is not '<ProviderName>:<ClientId>' of any CognitoIdentityProviders entry of the pool.");
            }

            mappings.Add(mapping);
        }

        properties.EnsureAllUnderstood();
        return pool with { AuthenticatedRoleArn = authenticated, UnauthenticatedRoleArn = unauthenticated, RoleMappings = mappings };
    }

    private static RoleMappingModel ReadMapping(string key, PropertyReader mapping)
    {
        var provider = mapping.String("IdentityProvider") ?? key;
        var type = mapping.RequiredString("Type");
        if (type is not ("Token" or "Rules"))
        {
            throw mapping.Path.Child("Type").Error($"Type must be Token or Rules, not '{type}'.");
        }

        var ambiguous = mapping.RequiredString("AmbiguousRoleResolution");
        if (ambiguous is not ("AuthenticatedRole" or "Deny"))
        {
            throw mapping.Path.Child("AmbiguousRoleResolution").Error($"Must be AuthenticatedRole or Deny, not '{ambiguous}'.");
        }

        var rules = new List<MappingRuleModel>();
        var configuration = mapping.Object("RulesConfiguration");
        if (type == "Rules")
        {
            var ruleReaders = configuration?.Objects("Rules") ?? [];
            if (ruleReaders.Count is < 1 or > 25)
            {
                throw mapping.Path.Child("RulesConfiguration").Error("A Rules mapping needs 1 to 25 rules.");
            }

            rules.AddRange(ruleReaders.Select(ReadRule));
            configuration!.EnsureAllUnderstood();
        }
        else if (configuration is not null)
        {
            throw mapping.Path.Child("RulesConfiguration").Error("A Token mapping takes no rules.");
        }

        mapping.EnsureAllUnderstood();
        return new RoleMappingModel(provider, type, ambiguous, rules);
    }

    private static MappingRuleModel ReadRule(PropertyReader rule)
    {
        var claim = rule.RequiredString("Claim");
        var matchType = rule.RequiredString("MatchType");
        var value = rule.RequiredString("Value");
        var roleArn = rule.RequiredString("RoleARN");
        if (claim.Length is < 1 or > 64)
        {
            throw rule.Path.Child("Claim").Error("Claim must be 1 to 64 characters.");
        }

        if (value.Length is < 1 or > 128)
        {
            throw rule.Path.Child("Value").Error("Value must be 1 to 128 characters.");
        }

        if (!MatchTypes.Contains(matchType, StringComparer.Ordinal))
        {
            throw rule.Path.Child("MatchType").Error($"MatchType must be one of {string.Join(", ", MatchTypes)}.");
        }

        rule.EnsureAllUnderstood();
        return new MappingRuleModel(claim, matchType, value, roleArn);
    }
}
