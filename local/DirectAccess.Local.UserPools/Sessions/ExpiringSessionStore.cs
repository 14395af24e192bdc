using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace DirectAccess.Local.UserPools.Sessions;

/// <summary>
/// In-memory, single-use sessions between an auth step and the next (SRP's <c>SECRET_BLOCK</c>, the challenge
/// <c>Session</c>). Each expires after <see cref="Lifetime"/> (Cognito's default auth session validity: 3 minutes);
/// the store holds at most <see cref="Capacity"/> so a flood of <c>InitiateAuth</c> calls cannot exhaust memory.
/// Not durable on purpose: a restart simply makes clients start the sign-in again.
/// </summary>
/// <typeparam name="T">What the session remembers.</typeparam>
public sealed class ExpiringSessionStore<T>(TimeProvider clock) where T : class
{
    /// <summary>How long a session may wait for its next step.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(3);

    /// <summary>Most sessions held at once.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, (T Value, DateTimeOffset Expires)> _sessions = new(StringComparer.Ordinal);

    /// <summary>Stores <paramref name="value"/> and returns its new opaque handle (Base64 of 48 random bytes).</summary>
    /// <exception cref="CognitoException"><c>TooManyRequestsException</c> when <see cref="Capacity"/> live sessions exist.</exception>
    public string Add(T value)
    {
        var now = clock.GetUtcNow();
        if (_sessions.Count >= Capacity)
        {
            foreach (var (key, entry) in _sessions)
            {
                if (entry.Expires <= now)
                {
                    _sessions.TryRemove(key, out _);
                }
            }

            if (_sessions.Count >= Capacity)
            {
                throw new CognitoException("TooManyRequestsException", "Too many sign-ins in progress. Try again later.");
            }
        }

        var handle = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        _sessions[handle] = (value, now + Lifetime);
        return handle;
    }

    /// <summary>Removes and returns the live session <paramref name="handle"/>; null when unknown, used or expired.</summary>
    public T? Take(string? handle)
    {
        if (handle is null || !_sessions.TryRemove(handle, out var entry))
        {
            return null;
        }

        return entry.Expires > clock.GetUtcNow() ? entry.Value : null;
    }
}
