using System.Globalization;

namespace DirectAccess.Local.Auth.SigV4;

/// <summary>
/// The request time of SigV4: <c>X-Amz-Date</c> in ISO 8601 basic form (<c>yyyyMMdd'T'HHmmss'Z'</c>, UTC), or, when absent
/// from a header-signed request, the RFC 1123 <c>Date</c> header (AWS General Reference, "Handling dates").
/// </summary>
internal static class AmzDate
{
    /// <summary>The basic ISO 8601 format.</summary>
    public const string Format = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>Parses <c>yyyyMMddTHHmmssZ</c>; false when malformed or not a real date.</summary>
    /// <remarks>Hand-rolled because it runs on every request and the general parser costs about a microsecond.</remarks>
    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        if (text is not { Length: 16 } || text[8] != 'T' || text[15] != 'Z')
        {
            return false;
        }

        if (!TryDigits(text, 0, 4, out var year) || !TryDigits(text, 4, 2, out var month) || !TryDigits(text, 6, 2, out var day) ||
            !TryDigits(text, 9, 2, out var hour) || !TryDigits(text, 11, 2, out var minute) || !TryDigits(text, 13, 2, out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        time = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    /// <summary>Parses an RFC 1123 HTTP date; false when malformed.</summary>
    public static bool TryParseHttpDate(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    /// <summary>Formats as <c>yyyyMMddTHHmmssZ</c>.</summary>
    public static string ToAmzDate(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);
}
