using System.Collections.Concurrent;
using DirectAccess.Local.Lambda.Invocation;
using DirectAccess.Local.Lambda.Protocol;
using DirectAccess.Local.Model;

namespace DirectAccess.Local.Lambda.Workers;

/// <summary>
/// The execution environments of one function: warm workers are reused most-recently-used first; a new one starts
/// (lazily) only when every live worker is busy, up to <see cref="LambdaSettings.MaxWorkersPerFunction"/>. Beyond
/// that, invocations wait (at most <see cref="LambdaSettings.MaxWaitingInvocationsPerFunction"/> of them, each at most
/// <see cref="LambdaSettings.MaxWaitForWorker"/>) and are otherwise refused with 429 <c>TooManyRequestsException</c>
/// (reason <c>ReservedFunctionConcurrentInvocationLimitExceeded</c>, as Lambda throttles a function at its
/// concurrency limit).
/// </summary>
public sealed class FunctionWorkerPool(FunctionModel function, WorkerFactory factory, LambdaSettings settings) : IAsyncDisposable
{
    private readonly SemaphoreSlim _slots = new(settings.MaxWorkersPerFunction, settings.MaxWorkersPerFunction);
    private readonly ConcurrentStack<FunctionWorker> _idle = new();
    private readonly ConcurrentDictionary<FunctionWorker, byte> _live = new();
    private int _waiting;
    private volatile bool _disposed;

    /// <summary>The function.</summary>
    public FunctionModel Function { get; } = function;

    /// <summary>Workers currently alive (idle or busy).</summary>
    public int LiveWorkers => _live.Count;

    /// <summary>Runs <paramref name="request"/> on a free worker.</summary>
    /// <param name="request">The invocation.</param>
    /// <param name="cancellationToken">Cancels only the wait for a free worker; a started invocation always runs to its end.</param>
    /// <exception cref="LambdaException">429 when no worker frees up in time; 500 when a worker cannot start or the pool is shut down.</exception>
    public async Task<InvocationOutcome> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            throw LambdaException.Service("The local cloud is shutting down.");
        }

        await AcquireSlotAsync(cancellationToken);
        try
        {
            var worker = await TakeWorkerAsync(cancellationToken);
            try
            {
                return await worker.InvokeAsync(request);
            }
            finally
            {
                await ReturnAsync(worker);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Kills every worker.</summary>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        _idle.Clear();
        await Task.WhenAll(_live.Keys.Select(w => w.DisposeAsync().AsTask()));
        _live.Clear();
    }

    private async Task AcquireSlotAsync(CancellationToken cancellationToken)
    {
        if (_slots.Wait(0))
        {
            return;
        }

        try
        {
            if (Interlocked.Increment(ref _waiting) > settings.MaxWaitingInvocationsPerFunction
                || !await _slots.WaitAsync(settings.MaxWaitForWorker, cancellationToken))
            {
                throw LambdaException.TooManyRequests("ReservedFunctionConcurrentInvocationLimitExceeded", 1);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    private async Task<FunctionWorker> TakeWorkerAsync(CancellationToken cancellationToken)
    {
        while (_idle.TryPop(out var warm))
        {
            if (warm.IsReusable)
            {
                return warm;
            }

            await RetireAsync(warm);
        }

        var started = await factory.StartAsync(Function, cancellationToken);
        _live[started] = 0;
        if (_disposed)
        {
            await RetireAsync(started);
            throw LambdaException.Service("The local cloud is shutting down.");
        }

        return started;
    }

    private async Task ReturnAsync(FunctionWorker worker)
    {
        if (!_disposed && worker.IsReusable)
        {
            _idle.Push(worker);
            return;
        }

        await RetireAsync(worker);
    }

    private async Task RetireAsync(FunctionWorker worker)
    {
        _live.TryRemove(worker, out _);
        await worker.DisposeAsync();
    }
}
