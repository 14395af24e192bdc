using DirectAccess.Local.Model;
using DirectAccess.Local.Template.Resolution;

namespace DirectAccess.Local.Template.Resources;

/// <summary>
/// <c>AWS::Cognito::IdentityPool</c> with user-pool providers only and no unauthenticated identities. Roles and mappings come from the pool's
/// <c>AWS::Cognito::IdentityPoolRoleAttachment</c>, applied by the loader. <c>AllowClassicFlow</c> defaults to false
/// (as in Cognito).
/// </summary>
internal static class IdentityPoolReader
{
    public static IdentityPoolModel Read(ResourceDefinition resource, PropertyReader properties, ModelContext context)
    {
        var providers = properties.Objects("CognitoIdentityProviders").Select(provider =>
        {
            var model = new IdentityProviderModel(
                provider.RequiredString("ProviderName"),
                provider.RequiredString("ClientId"),
                provider.Bool("ServerSideTokenCheck", false));
            provider.EnsureAllUnderstood();
            return model;
        }).ToArray();

        var pool = new IdentityPoolModel(
            resource.LogicalId,
            context.Ids.IdentityPoolId(resource.LogicalId),
            context.Attributes.IdentityPoolName(resource, context.References),
            AllowUnauthenticated(properties),
            properties.Bool("AllowClassicFlow", false),
            providers,
            AuthenticatedRoleArn: null,
            UnauthenticatedRoleArn: null,
            RoleMappings: []);

        const string onlyUserPools = "Only Cognito user pool providers (CognitoIdentityProviders) are implemented locally.";
        foreach (var other in new[] { "SupportedLoginProviders", "OpenIdConnectProviderARNs", "SamlProviderARNs", "DeveloperProviderName" })
        {
            properties.Refuse(other, onlyUserPools);
        }

        properties.Refuse("CognitoEvents", "Cognito Sync events are not implemented locally.");
        properties.Refuse("CognitoStreams", "Cognito streams are not implemented locally.");
        properties.Refuse("PushSync", "Cognito push sync is not implemented locally.");
        properties.Ignore("IdentityPoolName", "IdentityPoolTags");
        properties.EnsureAllUnderstood();
        return pool;
    }

    // Guest (unauthenticated) identities and their role are not emulated; accepting the flag would make the local
    // cloud refuse what AWS allows, so the template is refused instead of served differently.
    private static bool AllowUnauthenticated(PropertyReader properties) =>
        properties.Bool("AllowUnauthenticatedIdentities", false)
            ? throw properties.Path.Child("AllowUnauthenticatedIdentities").Error("Unauthenticated identities are not implemented locally.")
            : false;
}
