namespace DirectAccess.Functions.Worker.Context;

/// <summary>
/// When the per-invocation <see cref="FunctionContext.CancellationToken"/> fires: a margin before the Lambda deadline,
/// so the function has time to post an error rather than be frozen mid-write. AWS documents the deadline but no
/// margin; this worker uses 10% of the time left at the start of the invocation, capped at 500 ms.
/// </summary>
public static class DeadlineCancellation
{
    /// <summary>The largest margin, 500 ms.</summary>
    public static readonly TimeSpan MaximumMargin = TimeSpan.FromMilliseconds(500);

    /// <summary>How long after <paramref name="now"/> to cancel an invocation whose deadline is <paramref name="deadline"/>.</summary>
    /// <param name="deadline">The invocation deadline, UTC.</param>
    /// <param name="now">The current time, UTC.</param>
    /// <returns>A non-negative delay; zero when the deadline has already passed.</returns>
    public static TimeSpan DelayUntilCancel(DateTimeOffset deadline, DateTimeOffset now)
    {
        var remaining = deadline - now;
        if (remaining <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var margin = remaining / 10;
        if (margin > MaximumMargin)
        {
            margin = MaximumMargin;
        }

        return remaining - margin;
    }
}
