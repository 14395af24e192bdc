using System.Net;
using DirectAccess.Local;
using DirectAccess.Local.Hosting;
using DirectAccess.Local.Model;
using DirectAccess.Local.Security;
using DirectAccess.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DirectAccess.Local.Lambda.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 (free port) with the Lambda area composed as the local cloud composes it, the
/// repository's template (functions adjustable: shorter timeouts, extra variables), the real SigV4 verifier and IAM
/// authorizer, and an in-memory credential store. Used where a test needs settings the full cloud does not expose
/// (a stand-in runtime, a 1-second timeout).
/// </summary>
public sealed class LambdaTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempDirectory _dataDir;

    private LambdaTestHost(WebApplication app, TempDirectory dataDir, Uri endpoint, StackModel stack, InMemoryCredentialStore credentials)
    {
        _app = app;
        _dataDir = dataDir;
        Endpoint = endpoint;
        Stack = stack;
        Credentials = credentials;
    }

    public Uri Endpoint { get; }

    public StackModel Stack { get; }

    public InMemoryCredentialStore Credentials { get; }

    public IServiceProvider Services => _app.Services;

    public string Region => Stack.Region;

    /// <summary>The function whose <c>DIRECTACCESS_FUNCTION</c> is <paramref name="logicalName"/> (e.g. <c>WhoAmI</c>).</summary>
    public FunctionModel Function(string logicalName) => Stack.Functions.Single(f => f.Environment["DIRECTACCESS_FUNCTION"] == logicalName);

    public LambdaApiClient ClientFor(CallerIdentity caller) => new(Endpoint, Region, caller);

    public LambdaApiClient AdminClient() => ClientFor(Credentials.Admin);

    public static async Task<LambdaTestHost> StartAsync(LambdaSettings settings, Func<FunctionModel, FunctionModel>? adjustFunction = null)
    {
        var dataDir = new TempDirectory("directaccess-lambda");
        var options = new LocalCloudOptions { Port = 0, DataDir = dataDir.Path, TemplatePath = RepoPaths.Template, Log = TextWriter.Null };
        var stack = Template.TemplateLoader.Load(options.TemplatePath, options);
        if (adjustFunction is not null)
        {
            stack = stack with { Functions = stack.Functions.Select(adjustFunction).ToArray() };
        }

        var credentials = new InMemoryCredentialStore(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(stack);
        builder.Services.AddSingleton<ICredentialStore>(credentials);
        builder.Services.AddSingleton<ServiceRouter>();
        builder.Services.AddSingleton(settings);
        Auth.AuthServices.Add(builder.Services, options, stack);
        LambdaServices.Add(builder.Services, options, stack);
        var app = builder.Build();
        app.Run(app.Services.GetRequiredService<ServiceRouter>().RouteAsync);
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        var endpoint = new Uri($"http://127.0.0.1:{port}");
        foreach (var task in app.Services.GetServices<IStartupTask>())
        {
            await task.RunAsync(endpoint, CancellationToken.None);
        }

        return new LambdaTestHost(app, dataDir, endpoint, stack, credentials);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _dataDir.Dispose();
    }
}
