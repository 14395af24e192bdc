using DirectAccess.Local.Model;
using DirectAccess.Local.Template.Resolution;

namespace DirectAccess.Local.Template.Resources;

/// <summary>
/// <c>AWS::Cognito::UserPoolClient</c>. Token validities combine each value with <c>TokenValidityUnits</c>
/// (<c>seconds|minutes|hours|days</c>; default hours for ID/access, days for refresh); absent values take Cognito's
/// defaults (1 hour, 1 hour, 30 days) and must lie in Cognito's ranges (ID/access 5 min–1 day, refresh 60 min–10 years).
/// </summary>
internal static class UserPoolClientReader
{
    /// <summary>Reads the client; <paramref name="userPoolId"/> receives the pool it belongs to.</summary>
    public static UserPoolClientModel Read(ResourceDefinition resource, PropertyReader properties, ModelContext context, out string userPoolId)
    {
        userPoolId = properties.RequiredString("UserPoolId");
        var name = properties.String("ClientName") ?? resource.LogicalId;
        var secret = properties.Bool("GenerateSecret", false) ? context.Ids.ClientSecret(resource.LogicalId) : null;
        var flows = properties.Strings("ExplicitAuthFlows");
        var units = properties.Object("TokenValidityUnits");
        var id = Validity(properties, units, "IdTokenValidity", "IdToken", TimeSpan.FromHours(1), "hours",
            TimeSpan.FromMinutes(5), TimeSpan.FromDays(1));
        var access = Validity(properties, units, "AccessTokenValidity", "AccessToken", TimeSpan.FromHours(1), "hours",
            TimeSpan.FromMinutes(5), TimeSpan.FromDays(1));
        var refresh = Validity(properties, units, "RefreshTokenValidity", "RefreshToken", TimeSpan.FromDays(30), "days",
            TimeSpan.FromMinutes(60), TimeSpan.FromDays(3650));
        units?.EnsureAllUnderstood();

        properties.Ignore("PreventUserExistenceErrors", "EnableTokenRevocation", "SupportedIdentityProviders",
            "CallbackURLs", "LogoutURLs", "DefaultRedirectURI", "AllowedOAuthFlows", "AllowedOAuthScopes",
            "AllowedOAuthFlowsUserPoolClient", "ReadAttributes", "WriteAttributes", "AuthSessionValidity",
            "EnablePropagateAdditionalUserContextData", "AnalyticsConfiguration");
        properties.EnsureAllUnderstood();
        return new UserPoolClientModel(resource.LogicalId, context.Ids.ClientId(resource.LogicalId), name, flows, id, access, refresh, secret);
    }

    private static TimeSpan Validity(PropertyReader properties, PropertyReader? units, string valueName, string unitName,
        TimeSpan fallback, string defaultUnit, TimeSpan min, TimeSpan max)
    {
        var value = properties.Int(valueName, 1, 315_360_000);
        var unit = units?.String(unitName) ?? defaultUnit;
        if (value is null)
        {
            return fallback;
        }

        var validity = unit switch
        {
            "seconds" => TimeSpan.FromSeconds(value.Value),
            "minutes" => TimeSpan.FromMinutes(value.Value),
            "hours" => TimeSpan.FromHours(value.Value),
            "days" => TimeSpan.FromDays(value.Value),
            _ => throw properties.Path.Child("TokenValidityUnits").Child(unitName).Error($"Unknown unit '{unit}'."),
        };
        return validity >= min && validity <= max
            ? validity
            : throw properties.Path.Child(valueName).Error($"{validity} is outside Cognito's range {min}–{max}.");
    }
}
