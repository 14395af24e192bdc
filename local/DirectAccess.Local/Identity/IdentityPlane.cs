using DirectAccess.Local.Model;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Local.Identity;

/// <summary>Registers the identity plane: Cognito user pool, identity pool, STS, JWKS, credential store.</summary>
public static class IdentityPlane
{
    /// <summary>Adds the identity services and their handlers (in routing order).</summary>
    public static void Add(IServiceCollection services, LocalCloudOptions options, StackModel stack)
    {
        // Filled in by the identity plane (issue 5).
    }
}
