using DirectAccess.Local.Hosting;
using DirectAccess.Local.Model;
using DirectAccess.Local.State;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Local;

/// <summary>The one place the local cloud's services are composed.</summary>
public static class Composition
{
    /// <summary>
    /// Registers everything. Handler order is routing order: identity services (Cognito, STS, JWKS) first, then
    /// Lambda and the Runtime API, and S3 last because it takes every request nobody else does.
    /// </summary>
    public static void AddLocalCloud(IServiceCollection services, LocalCloudOptions options, StackModel stack)
    {
        services.AddSingleton(options);
        services.AddSingleton(stack);
        services.AddSingleton(new StateDatabase(options.DataDir));
        services.AddSingleton<ServiceRouter>();
        UserPools.UserPoolServices.Add(services, options, stack);
        Identity.IdentityServices.Add(services, options, stack);
        Auth.AuthServices.Add(services, options, stack);
        Lambda.LambdaServices.Add(services, options, stack);
        S3.S3Services.Add(services, options, stack);
    }
}
