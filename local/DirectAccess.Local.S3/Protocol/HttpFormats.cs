using System.Globalization;

namespace DirectAccess.Local.S3.Protocol;

/// <summary>The text formats S3 uses on the wire for dates and entity tags.</summary>
public static class HttpFormats
{
    /// <summary>HTTP date (RFC 7231 IMF-fixdate, UTC), as in <c>Last-Modified</c>: <c>Tue, 15 Nov 1994 08:12:31 GMT</c>.</summary>
    public static string HttpDate(DateTimeOffset instant) => instant.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 with milliseconds, UTC, as in S3 XML: <c>2009-10-12T17:50:30.000Z</c>.</summary>
    public static string XmlDate(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses an HTTP date (<c>If-Modified-Since</c>, ...); null when malformed (the header is then ignored, RFC 7232).</summary>
    public static DateTimeOffset? ParseHttpDate(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : null;

    /// <summary>An entity tag as sent on the wire: the stored value in double quotes.</summary>
    public static string QuoteETag(string etag) => "\"" + etag + "\"";

    /// <summary>An entity tag as stored: without quotes or a weak prefix.</summary>
    public static string UnquoteETag(string etag)
    {
        var value = etag.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return value.Trim('"');
    }

    /// <summary>Whole seconds since the Unix epoch, the precision HTTP date comparisons use.</summary>
    public static long ToSeconds(DateTimeOffset instant) => instant.ToUnixTimeSeconds();
}
