using DirectAccess.Local.Lambda.Invocation;

namespace DirectAccess.Local.Lambda.RuntimeApi;

/// <summary>
/// An invocation between the pool and a worker: queued, then delivered through <c>/next</c> (which starts the
/// function's timeout clock and fixes the deadline), then completed exactly once by the worker's
/// <c>/response</c> or <c>/error</c>, or by the sandbox (timeout, exit, init error).
/// </summary>
public sealed class PendingInvocation(InvocationRequest request)
{
    private readonly TaskCompletionSource _delivered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<InvocationOutcome> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _deliveredFlag;

    /// <summary>What to run.</summary>
    public InvocationRequest Request { get; } = request;

    /// <summary>When the function must have answered (UTC); set on delivery.</summary>
    public DateTimeOffset Deadline { get; private set; }

    /// <summary>Completes when the worker received the invocation, or when it completed without being delivered.</summary>
    public Task Delivered => _delivered.Task;

    /// <summary>The outcome.</summary>
    public Task<InvocationOutcome> Completion => _completion.Task;

    /// <summary>True once the outcome is known.</summary>
    public bool IsCompleted => _completion.Task.IsCompleted;

    /// <summary>Marks delivery at <paramref name="now"/>; false when it already completed (nothing to deliver).</summary>
    public bool TryMarkDelivered(DateTimeOffset now)
    {
        if (IsCompleted || Interlocked.Exchange(ref _deliveredFlag, 1) == 1)
        {
            return false;
        }

        Deadline = now + Request.Function.Timeout;
        _delivered.TrySetResult();
        return true;
    }

    /// <summary>Sets the outcome; false when another outcome won the race (e.g. the timeout).</summary>
    public bool TryComplete(InvocationOutcome outcome)
    {
        var won = _completion.TrySetResult(outcome);
        _delivered.TrySetResult();
        return won;
    }
}
