using System.Collections.Concurrent;

namespace DirectAccess.Local.UserPools.Users;

/// <summary>
/// Cognito's lockout after failed password sign-ins (developer guide, "Lockout behavior for failed sign-in attempts"):
/// from the fifth consecutive failure a user is locked for 2^(n−5) seconds (n = failures so far, at most ~15 minutes);
/// attempts during a lockout fail with <c>NotAuthorizedException</c> "Password attempts exceeded" and do not count;
/// a success after the lockout, or 15 minutes without attempts, resets the count. In memory: a restart forgets it.
/// </summary>
public sealed class SignInLockout(TimeProvider clock)
{
    private const int FreeFailures = 5;
    private static readonly TimeSpan MaximumLockout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan QuietReset = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<(string Pool, string User), Entry> _entries = new();

    /// <summary>Throws while the user is locked out.</summary>
    /// <exception cref="CognitoException"><c>NotAuthorizedException</c> "Password attempts exceeded".</exception>
    public void EnsureNotLocked(string poolId, string usernameKey)
    {
        if (_entries.TryGetValue((poolId, usernameKey), out var entry) && clock.GetUtcNow() < entry.LockedUntil)
        {
            throw CognitoException.NotAuthorized("Password attempts exceeded");
        }
    }

    /// <summary>Counts a wrong password and starts or lengthens the lockout.</summary>
    public void RecordFailure(string poolId, string usernameKey)
    {
        var now = clock.GetUtcNow();
        _entries.AddOrUpdate((poolId, usernameKey),
            _ => Next(0, now),
            (_, entry) => Next(now - entry.LastFailure > QuietReset ? 0 : entry.Failures, now));
    }

    /// <summary>Forgets the failures after a successful sign-in.</summary>
    public void RecordSuccess(string poolId, string usernameKey) => _entries.TryRemove((poolId, usernameKey), out _);

    private static Entry Next(int failures, DateTimeOffset now)
    {
        var count = failures + 1;
        var lockout = count < FreeFailures
            ? TimeSpan.Zero
            : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, count - FreeFailures), MaximumLockout.TotalSeconds));
        return new Entry(count, now + lockout, now);
    }

    private sealed record Entry(int Failures, DateTimeOffset LockedUntil, DateTimeOffset LastFailure);
}
