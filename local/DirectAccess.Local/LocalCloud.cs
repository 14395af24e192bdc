using System.Net;
using DirectAccess.Local.Hosting;
using DirectAccess.Local.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DirectAccess.Local;

/// <summary>
/// A running local cloud: one Kestrel listener on 127.0.0.1 serving every service. Start it in-process (tests, the
/// CLI's <c>demo</c>) with <see cref="StartAsync"/>, or from the command line through <c>Program</c>.
/// </summary>
public sealed class LocalCloud : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalCloud(WebApplication app, Uri endpoint, StackModel stack, LocalCloudOptions options)
    {
        _app = app;
        Endpoint = endpoint;
        Stack = stack;
        Options = options;
    }

    /// <summary>The endpoint every service answers on, e.g. <c>http://127.0.0.1:4566</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The resolved template.</summary>
    public StackModel Stack { get; }

    /// <summary>The options it started with.</summary>
    public LocalCloudOptions Options { get; }

    /// <summary>The composed services (for tests and the CLI).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Path of the <c>directaccess.json</c> written at start-up.</summary>
    public string ConfigPath => Path.Combine(Options.DataDir, "directaccess.json");

    /// <summary>
    /// Loads the template, composes the services, listens on 127.0.0.1 and writes <c>directaccess.json</c>.
    /// </summary>
    /// <exception cref="TemplateException">When the template holds something the local cloud cannot honour.</exception>
    public static async Task<LocalCloud> StartAsync(LocalCloudOptions options, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.DataDir);
        var stack = Template.TemplateLoader.Load(options.TemplatePath, options);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = null; // S3 parts and objects stream to disk; no cap here.
            kestrel.AddServerHeader = false;
        });
        Composition.AddLocalCloud(builder.Services, options, stack);

        var app = builder.Build();
        var router = app.Services.GetRequiredService<ServiceRouter>();
        app.Run(router.RouteAsync);
        await app.StartAsync(cancellationToken);

        var address = app.Urls.Select(u => new Uri(u)).First();
        var endpoint = new Uri($"http://127.0.0.1:{address.Port}");
        var cloud = new LocalCloud(app, endpoint, stack, options);
        foreach (var started in app.Services.GetServices<IStartupTask>())
        {
            await started.RunAsync(endpoint, cancellationToken);
        }

        return cloud;
    }

    /// <summary>Stops listening and stops every worker process.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
