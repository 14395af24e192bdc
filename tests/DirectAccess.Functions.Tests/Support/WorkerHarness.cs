using DirectAccess.Functions.Worker.Hosting;
using DirectAccess.Functions.Worker.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace DirectAccess.Functions.Tests.Support;

/// <summary>
/// Runs an in-process worker host against a <see cref="FakeRuntimeApi"/> over real loopback HTTP, with its JSON log
/// lines captured in memory.
/// </summary>
public sealed class WorkerHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly MemoryStream _logs = new();
    private Task<int>? _run;

    private WorkerHarness(FakeRuntimeApi runtime) => Runtime = runtime;

    public FakeRuntimeApi Runtime { get; }

    public static async Task<WorkerHarness> StartAsync(
        string functionName,
        Action<FunctionsApplicationBuilder> configure,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var harness = new WorkerHarness(await FakeRuntimeApi.StartAsync());
        var builder = FunctionsApplication.CreateBuilder([]);
        var configuration = new Dictionary<string, string?>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = harness.Runtime.Address,
            ["DIRECTACCESS_FUNCTION"] = functionName,
            ["AWS_LAMBDA_FUNCTION_NAME"] = "directaccess-" + functionName,
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new JsonLineLoggerProvider(harness._logs));
        configure(builder);
        var host = builder.Build();
        harness._run = RunAndDisposeAsync(host, harness._stop.Token);
        return harness;
    }

    /// <summary>The log lines written so far.</summary>
    public string[] LogLines()
    {
        lock (_logs)
        {
            return System.Text.Encoding.UTF8.GetString(_logs.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
    }

    /// <summary>Waits (at most 10 s) for the host to end by itself and returns its exit code.</summary>
    public Task<int> ExitCodeAsync() => _run!.WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Stops the loop and returns the host's exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await _run!.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        if (_run is { IsCompleted: false })
        {
            await StopAsync();
        }

        await Runtime.DisposeAsync();
        _stop.Dispose();
    }

    private static async Task<int> RunAndDisposeAsync(FunctionsWorkerHost host, CancellationToken stop)
    {
        await using (host)
        {
            return await host.RunAsync(stop);
        }
    }
}
