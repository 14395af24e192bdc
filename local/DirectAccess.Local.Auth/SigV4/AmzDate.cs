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

    /// <summary>Parses <c>yyyyMMddTHHmmssZ</c>; false when malformed.</summary>
    public static bool TryParse(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, Format, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    /// <summary>Parses an RFC 1123 HTTP date; false when malformed.</summary>
    public static bool TryParseHttpDate(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    /// <summary>Formats as <c>yyyyMMddTHHmmssZ</c>.</summary>
    public static string ToAmzDate(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);
}
