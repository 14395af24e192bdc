namespace DirectAccess.Local.Auth.Tests.Support;

/// <summary>A clock stopped at one instant (for AWS's published examples, signed years ago).</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
