using DirectAccess.Local.Model;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Local.Identity;

/// <summary>Registers the identity pool (AWSCognitoIdentityService), STS and the credential store.</summary>
public static class IdentityServices
{
    /// <summary>Adds this area's services and its <c>IAwsServiceHandler</c>s (registration order is routing order).</summary>
    public static void Add(IServiceCollection services, DirectAccess.Local.LocalCloudOptions options, StackModel stack)
    {
        // HELPER NOTE: placeholder; the owner of this project fills it in. Read /work/main/.briefs/GROUND-RULES.md.
    }
}
