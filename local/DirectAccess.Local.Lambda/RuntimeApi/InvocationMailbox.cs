using System.Threading.Channels;
using DirectAccess.Local.Lambda.Invocation;

namespace DirectAccess.Local.Lambda.RuntimeApi;

/// <summary>
/// The one-slot handoff between a worker's pool and its Runtime API: the pool posts at most one invocation at a time
/// (Lambda runs one invocation per execution environment), <c>/next</c> takes it, and <c>/response</c> or
/// <c>/error</c> find it again by request id.
/// </summary>
public sealed class InvocationMailbox
{
    private readonly Channel<PendingInvocation> _queue = Channel.CreateBounded<PendingInvocation>(
        new BoundedChannelOptions(1) { SingleReader = false, SingleWriter = true });
    private volatile PendingInvocation? _current;

    /// <summary>The invocation last handed to the runtime (answered or not), or null.</summary>
    public PendingInvocation? Current => _current;

    /// <summary>Queues <paramref name="invocation"/> for the next <c>/next</c>.</summary>
    /// <exception cref="InvalidOperationException">One is already queued (the pool broke its one-at-a-time promise).</exception>
    public void Post(PendingInvocation invocation)
    {
        if (!_queue.Writer.TryWrite(invocation))
        {
            throw new InvalidOperationException("A worker was given a second invocation while one was queued.");
        }
    }

    /// <summary>
    /// Waits for the next invocation and marks it delivered at <paramref name="clock"/>'s now. Invocations completed
    /// while queued (e.g. after an init error) are skipped.
    /// </summary>
    public async ValueTask<PendingInvocation> TakeNextAsync(TimeProvider clock, CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = await _queue.Reader.ReadAsync(cancellationToken);
            if (next.TryMarkDelivered(clock.GetUtcNow()))
            {
                _current = next;
                return next;
            }
        }
    }

    /// <summary>Completes whatever is queued or in flight with <paramref name="outcome"/> (worker died or failed init).</summary>
    public void FailAll(Func<PendingInvocation, InvocationOutcome> outcome)
    {
        while (_queue.Reader.TryRead(out var queued))
        {
            queued.TryComplete(outcome(queued));
        }

        if (_current is { IsCompleted: false } current)
        {
            current.TryComplete(outcome(current));
        }
    }
}
