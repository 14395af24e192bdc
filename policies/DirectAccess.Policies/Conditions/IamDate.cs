using System.Globalization;

namespace DirectAccess.Policies.Conditions;

/// <summary>
/// Dates as IAM reads them in date conditions and <c>aws:CurrentTime</c>/<c>aws:EpochTime</c>: W3C/ISO 8601 date or
/// date-time (UTC when no offset is given) or POSIX epoch seconds (IAM user guide, "Date condition operators").
/// </summary>
internal static class IamDate
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyyMMdd'T'HHmmss'Z'",
    ];

    /// <summary>Parses <paramref name="text"/> to UTC ticks.</summary>
    public static bool TryParse(string text, out long utcTicks)
    {
        utcTicks = 0;
        if (text.Length > 0 && IsEpoch(text))
        {
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
                || seconds < -62135596800 || seconds > 253402300799)
            {
                return false;
            }

            utcTicks = DateTimeOffset.FromUnixTimeSeconds(seconds).UtcTicks;
            return true;
        }

        if (DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            utcTicks = parsed.UtcTicks;
            return true;
        }

        return false;
    }

    private static bool IsEpoch(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]) && !(i == 0 && text[i] == '-' && text.Length > 1))
            {
                return false;
            }
        }

        return true;
    }
}
