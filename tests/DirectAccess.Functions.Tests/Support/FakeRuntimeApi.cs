using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DirectAccess.Functions.Tests.Support;

/// <summary>
/// A Lambda Runtime API (2018-06-01) served by Kestrel on 127.0.0.1 with an ephemeral port: queues invocations for
/// <c>/next</c>, and records what the worker posts to <c>/response</c>, <c>/error</c> and <c>/init/error</c>.
/// </summary>
public sealed class FakeRuntimeApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<PendingInvocation> _queue = Channel.CreateUnbounded<PendingInvocation>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RuntimePost>> _waiting = new();
    private readonly TaskCompletionSource<RuntimePost> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<DateTimeOffset> _firstNext = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeRuntimeApi(WebApplication app) => _app = app;

    /// <summary><c>host:port</c>, the value for <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address { get; private set; } = string.Empty;

    /// <summary>Completes with the first <c>/init/error</c> post.</summary>
    public Task<RuntimePost> InitError => _initError.Task;

    /// <summary>Completes when the first <c>/next</c> arrives, with its arrival time.</summary>
    public Task<DateTimeOffset> FirstNext => _firstNext.Task;

    public static async Task<FakeRuntimeApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 16 * 1024 * 1024;
            kestrel.Listen(System.Net.IPAddress.Loopback, 0);
        });
        var fake = new FakeRuntimeApi(builder.Build());
        fake.MapRoutes();
        await fake._app.StartAsync();
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.Address = new Uri(address).Authority;
        return fake;
    }

    /// <summary>Queues an invocation and waits (at most <paramref name="timeout"/>) for the worker's answer.</summary>
    public async Task<RuntimePost> InvokeAsync(byte[] payload, FakeInvocation? invocation = null, TimeSpan? timeout = null)
    {
        invocation ??= new FakeInvocation();
        var answer = new TaskCompletionSource<RuntimePost>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[invocation.AwsRequestId] = answer;
        await _queue.Writer.WriteAsync(new PendingInvocation(invocation, payload));
        return await answer.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(30));
    }

    /// <summary>From now on <c>/next</c> answers 500 ("container error"), after which a runtime must exit.</summary>
    public void FailNextWithContainerError() => _queue.Writer.TryComplete();

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }

    private void MapRoutes()
    {
        _app.MapGet("/2018-06-01/runtime/invocation/next", NextAsync);
        _app.MapPost("/2018-06-01/runtime/invocation/{id}/response", (string id, HttpRequest request) => RecordAsync(id, "response", request));
        _app.MapPost("/2018-06-01/runtime/invocation/{id}/error", (string id, HttpRequest request) => RecordAsync(id, "error", request));
        _app.MapPost("/2018-06-01/runtime/init/error", async (HttpRequest request) =>
        {
            _initError.TrySetResult(await RuntimePost.ReadAsync("init/error", request));
            return Results.StatusCode(StatusCodes.Status202Accepted);
        });
    }

    private async Task NextAsync(HttpContext http)
    {
        _firstNext.TrySetResult(DateTimeOffset.UtcNow);
        PendingInvocation pending;
        try
        {
            pending = await _queue.Reader.ReadAsync(http.RequestAborted);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException)
        {
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        var headers = http.Response.Headers;
        var invocation = pending.Invocation;
        headers["Lambda-Runtime-Aws-Request-Id"] = invocation.AwsRequestId;
        if (invocation.DeadlineHeader is { } deadline)
        {
            headers["Lambda-Runtime-Deadline-Ms"] = deadline;
        }

        headers["Lambda-Runtime-Invoked-Function-Arn"] = invocation.InvokedFunctionArn;
        headers["Lambda-Runtime-Trace-Id"] = invocation.TraceId;
        if (invocation.CognitoIdentity is { } identity)
        {
            headers["Lambda-Runtime-Cognito-Identity"] = identity;
        }

        if (invocation.ClientContext is { } clientContext)
        {
            headers["Lambda-Runtime-Client-Context"] = clientContext;
        }

        http.Response.ContentType = "application/json";
        http.Response.ContentLength = pending.Payload.Length;
        await http.Response.Body.WriteAsync(pending.Payload, http.RequestAborted);
    }

    private async Task<IResult> RecordAsync(string id, string kind, HttpRequest request)
    {
        if (!_waiting.TryRemove(id, out var answer))
        {
            return Results.BadRequest();
        }

        answer.TrySetResult(await RuntimePost.ReadAsync(kind, request));
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    private sealed record PendingInvocation(FakeInvocation Invocation, byte[] Payload);
}
