using DirectAccess.Local.Hosting;
using DirectAccess.Local.Lambda.Functions;
using DirectAccess.Local.Lambda.Invocation;
using DirectAccess.Local.Lambda.Operations;
using DirectAccess.Local.Lambda.Routing;
using DirectAccess.Local.Lambda.Workers;
using DirectAccess.Local.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace DirectAccess.Local.Lambda;

/// <summary>Registers Lambda (Invoke, GetFunction, ListFunctions), the Runtime API and the worker pool.</summary>
public static class LambdaServices
{
    /// <summary>
    /// Adds this area's services and its <c>IAwsServiceHandler</c> (registration order is routing order). Needs
    /// <c>IRequestAuthenticator</c>, <c>IAccessAuthorizer</c> and <c>ICredentialStore</c> from the auth and identity
    /// areas. A <see cref="LambdaSettings"/> registered before this call replaces the defaults from
    /// <paramref name="options"/>. Worker processes stop when the host stops.
    /// </summary>
    public static void Add(IServiceCollection services, LocalCloudOptions options, StackModel stack)
    {
        services.TryAddSingleton(LambdaSettings.From(options));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new FunctionCatalog(stack));
        services.AddSingleton(new LambdaStartTime(DateTimeOffset.UtcNow));
        services.AddSingleton<CloudEndpoint>();
        services.AddSingleton<IStartupTask>(provider => provider.GetRequiredService<CloudEndpoint>());
        services.AddSingleton<WorkerFactory>();
        services.AddSingleton<LambdaWorkers>();
        services.AddSingleton<EventInvocationQueue>();
        // Hosted services stop in reverse order: the event queue first, then every worker process.
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<LambdaWorkers>());
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<EventInvocationQueue>());
        services.AddSingleton<LambdaRequestGate>();
        services.AddSingleton<InvokeOperation>();
        services.AddSingleton<GetFunctionOperation>();
        services.AddSingleton<ListFunctionsOperation>();
        services.AddSingleton<IAwsServiceHandler, LambdaServiceHandler>();
    }
}
