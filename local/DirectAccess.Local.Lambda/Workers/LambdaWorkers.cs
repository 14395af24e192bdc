using System.Collections.Concurrent;
using DirectAccess.Local.Lambda.Protocol;
using DirectAccess.Local.Model;
using Microsoft.Extensions.Hosting;

namespace DirectAccess.Local.Lambda.Workers;

/// <summary>
/// Every function's worker pool, created on first use; stops all worker processes when the host stops (as a hosted
/// service) or when the container is disposed, whichever comes first.
/// </summary>
public sealed class LambdaWorkers(WorkerFactory factory, LambdaSettings settings) : IHostedService, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, FunctionWorkerPool> _pools = new(StringComparer.Ordinal);
    private volatile bool _stopped;

    /// <summary>The pool of <paramref name="function"/>.</summary>
    /// <exception cref="LambdaException">500 <c>ServiceException</c> after shutdown began.</exception>
    public FunctionWorkerPool For(FunctionModel function)
    {
        if (_stopped)
        {
            throw LambdaException.Service("The local cloud is shutting down.");
        }

        return _pools.GetOrAdd(function.Name, _ => new FunctionWorkerPool(function, factory, settings));
    }

    /// <summary>The pool of the function named <paramref name="functionName"/> if it was ever used, else null.</summary>
    public FunctionWorkerPool? Find(string functionName) => _pools.GetValueOrDefault(functionName);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    /// <summary>Kills every worker of every function.</summary>
    public async ValueTask DisposeAsync()
    {
        _stopped = true;
        await Task.WhenAll(_pools.Values.Select(p => p.DisposeAsync().AsTask()));
    }
}
