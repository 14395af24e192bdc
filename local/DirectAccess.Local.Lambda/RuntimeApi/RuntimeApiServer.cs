using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Local.Lambda.RuntimeApi;

/// <summary>
/// One worker's own Runtime API listener on <c>127.0.0.1:&lt;free port&gt;</c>, like the API inside a Lambda
/// execution environment: a worker's <c>/next</c> only ever sees its own invocations, so no request can reach
/// another worker's (or another function's) events.
/// </summary>
public sealed class RuntimeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RuntimeApiServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    /// <summary>The listening port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The value for <c>AWS_LAMBDA_RUNTIME_API</c>: <c>127.0.0.1:&lt;port&gt;</c>.</summary>
    public string RuntimeApiAddress => $"127.0.0.1:{Port}";

    /// <summary>Starts a listener serving <paramref name="endpoints"/>.</summary>
    public static async Task<RuntimeApiServer> StartAsync(RuntimeApiEndpoints endpoints, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;
            // Sizes are enforced by the endpoints (6 MB + 100 bytes, answered with Lambda's 413 document).
            kestrel.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        app.Run(endpoints.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RuntimeApiServer(app, new Uri(address).Port);
    }

    /// <summary>Stops listening, aborting any pending long poll after at most one second.</summary>
    public async ValueTask DisposeAsync()
    {
        using var stopWithin = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await _app.StopAsync(stopWithin.Token);
        }
        catch (OperationCanceledException)
        {
            // Pending requests were aborted; the listener is closed either way.
        }

        await _app.DisposeAsync();
    }
}
