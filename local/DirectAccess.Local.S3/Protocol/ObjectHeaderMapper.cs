using DirectAccess.Local.S3.Model;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.S3.Protocol;

/// <summary>
/// Reads the storable headers of PutObject/CreateMultipartUpload/CopyObject and writes them back on
/// GetObject/HeadObject (S3 user guide, "Working with object metadata"; API reference, GetObject <c>response-*</c>
/// overrides).
/// </summary>
public static class ObjectHeaderMapper
{
    private const string MetaPrefix = "x-amz-meta-";

    // S3 limits user metadata to 2 KB (names + values, UTF-8).
    private const int MaxMetadataBytes = 2048;

    /// <summary>The headers to store from a write request.</summary>
    /// <exception cref="S3Exception">400 <c>MetadataTooLarge</c> when user metadata exceeds 2 KB.</exception>
    public static ObjectHeaders FromRequest(IHeaderDictionary headers)
    {
        var metadata = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var metadataBytes = 0;
        foreach (var (name, value) in headers)
        {
            if (name.StartsWith(MetaPrefix, StringComparison.OrdinalIgnoreCase))
            {
                var key = name[MetaPrefix.Length..].ToLowerInvariant();
                metadata[key] = value.ToString();
                metadataBytes += System.Text.Encoding.UTF8.GetByteCount(key) + System.Text.Encoding.UTF8.GetByteCount(value.ToString());
            }
        }

        if (metadataBytes > MaxMetadataBytes)
        {
            throw new S3Exception(400, "MetadataTooLarge", "Your metadata headers exceed the maximum allowed metadata size.",
                ("Size", metadataBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("MaxSizeAllowed", MaxMetadataBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new ObjectHeaders(
            Value(headers.ContentType),
            StripAwsChunked(headers.ContentEncoding.ToString()),
            Value(headers.ContentDisposition),
            Value(headers.ContentLanguage),
            Value(headers.CacheControl),
            Value(headers.Expires),
            metadata);
    }

    /// <summary>
    /// Writes the object's representation headers: Content-Type (default <c>binary/octet-stream</c>), ETag,
    /// Last-Modified, stored system headers, <c>x-amz-meta-*</c>, with <c>response-*</c> query overrides applied.
    /// </summary>
    public static void WriteTo(HttpResponse response, StoredObject stored, IQueryCollection query)
    {
        var headers = stored.Headers;
        var h = response.Headers;
        h.ContentType = Override(query, "response-content-type", headers.ContentType) ?? "binary/octet-stream";
        h.ETag = HttpFormats.QuoteETag(stored.ETag);
        h.LastModified = HttpFormats.HttpDate(stored.LastModified);
        h.AcceptRanges = "bytes";
        Set(h, "Content-Encoding", Override(query, "response-content-encoding", headers.ContentEncoding));
        Set(h, "Content-Disposition", Override(query, "response-content-disposition", headers.ContentDisposition));
        Set(h, "Content-Language", Override(query, "response-content-language", headers.ContentLanguage));
        Set(h, "Cache-Control", Override(query, "response-cache-control", headers.CacheControl));
        Set(h, "Expires", Override(query, "response-expires", headers.Expires));
        foreach (var (name, value) in headers.Metadata)
        {
            h[MetaPrefix + name] = value;
        }
    }

    private static string? Override(IQueryCollection query, string name, string? stored) =>
        query.TryGetValue(name, out var value) && value.Count > 0 ? value.ToString() : stored;

    private static void Set(IHeaderDictionary headers, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            headers[name] = value;
        }
    }

    private static string? Value(Microsoft.Extensions.Primitives.StringValues value) =>
        value.Count == 0 || value.ToString().Length == 0 ? null : value.ToString();

    /// <summary>Content-Encoding minus <c>aws-chunked</c>, which only describes the upload's framing.</summary>
    private static string? StripAwsChunked(string contentEncoding)
    {
        var kept = contentEncoding.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(e => !e.Equals("aws-chunked", StringComparison.OrdinalIgnoreCase))
            .ToArray();
        return kept.Length == 0 ? null : string.Join(",", kept);
    }
}
