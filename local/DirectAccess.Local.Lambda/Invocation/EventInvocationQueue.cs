using System.Threading.Channels;
using DirectAccess.Local.Lambda.Protocol;
using DirectAccess.Local.Lambda.Workers;
using Microsoft.Extensions.Hosting;

namespace DirectAccess.Local.Lambda.Invocation;

/// <summary>
/// <c>Event</c> (asynchronous) invocations: accepted into a bounded queue (full → 429
/// <c>TooManyRequestsException</c>) and run in the background by a fixed number of runners. Outcomes are only
/// logged, as Lambda sends them nowhere without a destination. Lambda's automatic retries are not emulated.
/// </summary>
public sealed class EventInvocationQueue : IHostedService, IAsyncDisposable
{
    private readonly Channel<(FunctionWorkerPool Pool, InvocationRequest Request)> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _runners;
    private readonly TextWriter? _log;

    /// <summary>Starts <see cref="LambdaSettings.EventConcurrency"/> runners.</summary>
    public EventInvocationQueue(LambdaSettings settings)
    {
        _log = settings.Log;
        _queue = Channel.CreateBounded<(FunctionWorkerPool, InvocationRequest)>(new BoundedChannelOptions(settings.EventQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
        });
        _runners = Enumerable.Range(0, Math.Max(1, settings.EventConcurrency)).Select(_ => Task.Run(RunAsync)).ToArray();
    }

    /// <summary>Queues an invocation.</summary>
    /// <exception cref="LambdaException">429 <c>TooManyRequestsException</c> when the queue is full or stopped.</exception>
    public void Enqueue(FunctionWorkerPool pool, InvocationRequest request)
    {
        if (!_queue.Writer.TryWrite((pool, request)))
        {
            throw LambdaException.TooManyRequests("ConcurrentInvocationLimitExceeded", 1);
        }
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    /// <summary>Stops accepting, abandons queued invocations and waits (at most 5 s) for the runners.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_runners).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // A runner is inside a long invocation; killing the workers (LambdaWorkers) ends it.
        }
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var (pool, request) in _queue.Reader.ReadAllAsync(_stopping.Token))
            {
                try
                {
                    var outcome = await pool.InvokeAsync(request, _stopping.Token);
                    if (outcome.Failed)
                    {
                        _log?.WriteLine($"[lambda:{pool.Function.Name}] Event invocation {request.AwsRequestId} failed: {outcome.ErrorType}");
                    }
                }
                catch (Exception e) when (e is LambdaException or ObjectDisposedException or OperationCanceledException)
                {
                    _log?.WriteLine($"[lambda:{pool.Function.Name}] Event invocation {request.AwsRequestId} was not run: {e.Message}");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
