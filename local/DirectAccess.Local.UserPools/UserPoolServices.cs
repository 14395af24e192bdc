using DirectAccess.Local.Model;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Local.UserPools;

/// <summary>Registers the user pools (AWSCognitoIdentityProviderService), JWKS and OpenID configuration, and IUserPoolKeys.</summary>
public static class UserPoolServices
{
    /// <summary>Adds this area's services and its <c>IAwsServiceHandler</c>s (registration order is routing order).</summary>
    public static void Add(IServiceCollection services, DirectAccess.Local.LocalCloudOptions options, StackModel stack)
    {
        // HELPER NOTE: placeholder; the owner of this project fills it in. Read /work/main/.briefs/GROUND-RULES.md.
    }
}
