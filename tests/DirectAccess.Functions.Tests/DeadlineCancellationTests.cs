using DirectAccess.Functions.Worker.Context;

namespace DirectAccess.Functions.Tests;

/// <summary>When the per-invocation token fires relative to Lambda's deadline.</summary>
public sealed class DeadlineCancellationTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [TestCase(60_000, 59_500, TestName = "long invocations keep the 500 ms cap")]
    [TestCase(3_000, 2_700, TestName = "short invocations keep 90 percent of their time")]
    [TestCase(100, 90, TestName = "tiny budgets still get most of their time")]
    [TestCase(0, 0, TestName = "an expired deadline cancels at once")]
    [TestCase(-5_000, 0, TestName = "a deadline in the past cancels at once")]
    public void CancelsAMarginBeforeTheDeadline(int remainingMs, int expectedDelayMs) =>
        Assert.That(
            DeadlineCancellation.DelayUntilCancel(Now.AddMilliseconds(remainingMs), Now),
            Is.EqualTo(TimeSpan.FromMilliseconds(expectedDelayMs)));
}
