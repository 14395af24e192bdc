using System.Globalization;

namespace DirectAccess.Local.Auth.Iam;

/// <summary>
/// <c>aws:CurrentTime</c> (ISO 8601 UTC, whole seconds) and <c>aws:EpochTime</c> (seconds) for a request time, formatted
/// once per second and shared: every request in the same second gets the same strings, and formatting a date on each
/// request is a measurable part of the per-request cost.
/// </summary>
internal sealed record RequestClock(long EpochSeconds, string CurrentTime, string EpochTime)
{
    private static RequestClock _last = Create(0);

    /// <summary>The formatted keys for <paramref name="now"/>.</summary>
    public static RequestClock For(DateTimeOffset now)
    {
        var seconds = now.ToUnixTimeSeconds();
        var last = Volatile.Read(ref _last);
        if (last.EpochSeconds == seconds)
        {
            return last;
        }

        var fresh = Create(seconds);
        Volatile.Write(ref _last, fresh);
        return fresh;
    }

    private static RequestClock Create(long seconds) => new(
        seconds,
        DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        seconds.ToString(CultureInfo.InvariantCulture));
}
