using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using DirectAccess.Functions.Worker.Context;
using DirectAccess.Functions.Worker.Functions;
using DirectAccess.Functions.Worker.Hosting;
using DirectAccess.Functions.Worker.Invocation;
using DirectAccess.Functions.Worker.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DirectAccess.Benchmarks;

/// <summary>
/// The worker's per-invocation overhead without the Runtime API's HTTP round trip: payload deserialization, two
/// middleware, a DI scope with a scoped service, the function, response serialization, all through
/// <see cref="FunctionsWorkerHost.InvokeAsync"/> on in-memory streams. Target: at most 50 µs per invocation.
/// dotnet run -c Release --project bench/DirectAccess.Benchmarks -- --filter '*WorkerBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class WorkerBenchmarks
{
    private static readonly byte[] Payload = """{"key":"private/us-east-1:0000aaaa-1111-2222-3333-444455556666/isos/big.iso","expiresInSeconds":3600}"""u8.ToArray();

    private FunctionsWorkerHost _typedHost = null!;
    private FunctionsWorkerHost _streamHost = null!;
    private RuntimeInvocation _invocation = null!;
    private MemoryStream _input = null!;
    private ResponseBuffer _output = null!;

    [GlobalSetup]
    public void SetUp()
    {
        _typedHost = BuildHost("Typed", builder => builder.AddFunction<BenchTypedFunction, BenchRequest, BenchResponse>(
            "Typed", BenchJsonContext.Default));
        _streamHost = BuildHost("Stream", builder => builder.AddStreamFunction<BenchStreamFunction>("Stream"));
        _invocation = new RuntimeInvocation(
            "c0ffee00-0000-4000-8000-000000000001",
            DateTimeOffset.UtcNow.AddHours(1),
            "arn:aws:lambda:us-east-1:123456789012:function:bench",
            "Root=1-5759e988-bd862e3fe1be46a994272793",
            new CognitoIdentity("us-east-1:0000aaaa-1111-2222-3333-444455556666", "us-east-1:0000bbbb-1111-2222-3333-444455556666"),
            null);
        _input = new MemoryStream(Payload, 0, Payload.Length, writable: false, publiclyVisible: true);
        _output = new ResponseBuffer();
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        await _typedHost.DisposeAsync();
        await _streamHost.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "typed JSON function, 2 middleware, scoped service")]
    public Task<InvocationOutcome> TypedInvocation() => InvokeAsync(_typedHost);

    [Benchmark(Description = "raw stream function, 2 middleware, scoped service")]
    public Task<InvocationOutcome> StreamInvocation() => InvokeAsync(_streamHost);

    private Task<InvocationOutcome> InvokeAsync(FunctionsWorkerHost host)
    {
        _input.Position = 0;
        _output.SetLength(0);
        return host.InvokeAsync(_invocation, _input, _output);
    }

    private static FunctionsWorkerHost BuildHost(string function, Action<FunctionsApplicationBuilder> register)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["DIRECTACCESS_FUNCTION"] = function });
        builder.Logging.ClearProviders();
        builder.Services.AddScoped<BenchScopedService>();
        builder.UseMiddleware<BenchTimingMiddleware>().UseMiddleware<BenchIdentityMiddleware>();
        register(builder);
        return builder.Build();
    }
}

public sealed record BenchRequest(string Key, int ExpiresInSeconds);

public sealed record BenchResponse(string Key, string Owner, int ExpiresInSeconds, string AwsRequestId);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(BenchRequest))]
[JsonSerializable(typeof(BenchResponse))]
public sealed partial class BenchJsonContext : JsonSerializerContext;

/// <summary>A scoped dependency, so every invocation pays for creating and disposing a scope with something in it.</summary>
public sealed class BenchScopedService
{
    public int Calls { get; set; }
}

public sealed class BenchTypedFunction(BenchScopedService scoped) : IFunction<BenchRequest, BenchResponse>
{
    public Task<BenchResponse> RunAsync(BenchRequest request, FunctionContext context)
    {
        scoped.Calls++;
        return Task.FromResult(new BenchResponse(request.Key, context.Identity?.IdentityId ?? string.Empty, request.ExpiresInSeconds, context.AwsRequestId));
    }
}

public sealed class BenchStreamFunction(BenchScopedService scoped) : IStreamFunction
{
    public Task RunAsync(FunctionContext context)
    {
        scoped.Calls++;
        return context.InputStream.CopyToAsync(context.OutputStream, context.CancellationToken);
    }
}

public sealed class BenchTimingMiddleware : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var started = TimeProvider.System.GetTimestamp();
        await next(context);
        context.Items["elapsed"] = TimeProvider.System.GetElapsedTime(started);
    }
}

public sealed class BenchIdentityMiddleware : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next) =>
        context.Identity is null ? throw new FunctionErrorException(FunctionErrorException.Forbidden, "no identity") : next(context);
}
