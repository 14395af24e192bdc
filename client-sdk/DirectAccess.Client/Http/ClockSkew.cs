namespace DirectAccess.Client.Http;

/// <summary>
/// The difference between the server's clock and ours, learned from the <c>Date</c> header of every response (as the
/// AWS SDKs' clock-skew correction does). Used to sign with the server's time and to judge credential expiry.
/// Thread-safe.
/// </summary>
public sealed class ClockSkew
{
    private long _offsetTicks;

    /// <summary>Server time minus local time (positive when our clock is behind).</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Our best estimate of the server's current UTC time.</summary>
    public DateTime ServerUtcNow => DateTime.UtcNow + Offset;

    /// <summary>Converts a server UTC instant (e.g. a credential <c>Expiration</c>) into local clock terms.</summary>
    public DateTime ToLocal(DateTime serverUtc) => serverUtc - Offset;

    /// <summary>Learns from a response's <c>Date</c> header. Offsets under one second are ignored (header resolution is one second).</summary>
    public void Observe(DateTimeOffset? serverDate)
    {
        if (serverDate is null)
        {
            return;
        }

        var offset = serverDate.Value.UtcDateTime - DateTime.UtcNow;
        Interlocked.Exchange(ref _offsetTicks, Math.Abs(offset.TotalSeconds) < 1 ? 0 : offset.Ticks);
    }
}
