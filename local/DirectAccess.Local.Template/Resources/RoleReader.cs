using DirectAccess.Local.Model;
using DirectAccess.Local.Template.Resolution;

namespace DirectAccess.Local.Template.Resources;

/// <summary>
/// <c>AWS::IAM::Role</c>: trust policy and inline policies parsed by the policy engine (each named
/// <c>&lt;LogicalId&gt;/&lt;PolicyName&gt;</c>); <c>MaxSessionDuration</c> 3600–43200 seconds, default 3600.
/// Managed policies and permissions boundaries are refused: their documents are not in the template.
/// </summary>
internal static class RoleReader
{
    public static RoleModel Read(ResourceDefinition resource, PropertyReader properties, ModelContext context)
    {
        var trust = PolicyJson.Parse(properties.Node("AssumeRolePolicyDocument"), $"{resource.LogicalId}/AssumeRolePolicyDocument",
            properties.Path.Child("AssumeRolePolicyDocument"));
        var policies = properties.Objects("Policies").Select(policy =>
        {
            var name = policy.RequiredString("PolicyName");
            var document = PolicyJson.Parse(policy.Node("PolicyDocument"), $"{resource.LogicalId}/{name}", policy.Path.Child("PolicyDocument"));
            policy.EnsureAllUnderstood();
            return document;
        }).ToArray();
        var maxSession = TimeSpan.FromSeconds(properties.Int("MaxSessionDuration", 3600, 43200) ?? 3600);

        properties.Refuse("ManagedPolicyArns", "Managed policies are not implemented locally; inline them under Policies.");
        properties.Refuse("PermissionsBoundary", "Permissions boundaries are not implemented locally.");
        properties.Ignore("RoleName", "Path", "Description", "Tags");
        properties.EnsureAllUnderstood();
        return new RoleModel(resource.LogicalId, context.Attributes.RoleName(resource, context.References),
            context.Attributes.RoleArn(resource, context.References), trust, policies, maxSession);
    }
}
