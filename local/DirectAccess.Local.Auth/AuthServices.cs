using DirectAccess.Local.Auth.Iam;
using DirectAccess.Local.Model;
using DirectAccess.Local.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DirectAccess.Local.Auth;

/// <summary>Registers SigV4 verification (<see cref="IRequestAuthenticator"/>) and IAM enforcement (<see cref="IAccessAuthorizer"/>).</summary>
public static class AuthServices
{
    /// <summary>
    /// Adds <see cref="SigV4RequestAuthenticator"/> (needs an <see cref="ICredentialStore"/>, registered by the identity
    /// area) and <see cref="IamAccessAuthorizer"/> with every role of <paramref name="stack"/> compiled now, plus the
    /// audit log when <see cref="LocalCloudOptions.AuditLogPath"/> is set. A <see cref="TimeProvider"/> registered
    /// earlier is used as the clock (tests); otherwise the system clock. No request handlers: this area serves no API.
    /// </summary>
    public static void Add(IServiceCollection services, LocalCloudOptions options, StackModel stack)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stack);

        // Compiled here, at start-up, so a policy the engine cannot compile stops the cloud instead of a request.
        var roles = new RolePolicies(stack.Roles);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(roles);
        if (options.AuditLogPath is { } auditPath)
        {
            services.AddSingleton(_ => new AuditLog(auditPath));
        }

        services.AddSingleton<IRequestAuthenticator>(provider => new SigV4RequestAuthenticator(
            provider.GetRequiredService<ICredentialStore>(), options.Region, provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IAccessAuthorizer>(provider => new IamAccessAuthorizer(
            roles, options.Region, provider.GetService<AuditLog>(), provider.GetRequiredService<TimeProvider>()));
    }
}
