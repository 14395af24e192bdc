using System.Globalization;

namespace DirectAccess.Local.UserPools.Srp;

/// <summary>
/// The <c>TIMESTAMP</c> of a <c>PASSWORD_VERIFIER</c> response: UTC in English, e.g. <c>Tue Mar 5 07:04:09 UTC 2024</c>
/// (amazon-cognito-identity-js does not pad the day; pycognito pads it to two digits — both are accepted).
/// </summary>
public static class SrpTimestamp
{
    private static readonly string[] Formats = ["ddd MMM d HH:mm:ss 'UTC' yyyy", "ddd MMM dd HH:mm:ss 'UTC' yyyy"];

    /// <summary>How far a client's clock may be from ours; Cognito does not document its window, so 5 minutes.</summary>
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(5);

    /// <summary>Formats <paramref name="instant"/> the way amazon-cognito-identity-js does.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("ddd MMM d HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);

    /// <summary>True when <paramref name="text"/> parses and lies within <see cref="AllowedSkew"/> of <paramref name="now"/>.</summary>
    public static bool IsAcceptable(string? text, DateTimeOffset now)
    {
        if (text is null || !DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        return (new DateTimeOffset(parsed, TimeSpan.Zero) - now).Duration() <= AllowedSkew;
    }
}
