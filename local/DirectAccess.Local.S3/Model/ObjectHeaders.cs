namespace DirectAccess.Local.S3.Model;

/// <summary>
/// The HTTP headers S3 stores with an object and returns on GetObject/HeadObject (S3 user guide, "Working with object
/// metadata"): system metadata the client set, plus user metadata (<c>x-amz-meta-*</c>, names lower-case without the
/// prefix).
/// </summary>
/// <param name="ContentType">Content-Type; S3 answers <c>binary/octet-stream</c> when none was given.</param>
/// <param name="ContentEncoding">Content-Encoding, with the transport-only <c>aws-chunked</c> removed.</param>
/// <param name="ContentDisposition">Content-Disposition.</param>
/// <param name="ContentLanguage">Content-Language.</param>
/// <param name="CacheControl">Cache-Control.</param>
/// <param name="Expires">Expires, as sent.</param>
/// <param name="Metadata">User metadata: name (without <c>x-amz-meta-</c>, lower-case) to value.</param>
public sealed record ObjectHeaders(
    string? ContentType,
    string? ContentEncoding,
    string? ContentDisposition,
    string? ContentLanguage,
    string? CacheControl,
    string? Expires,
    IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>No headers at all.</summary>
    public static ObjectHeaders Empty { get; } = new(null, null, null, null, null, null, new Dictionary<string, string>());
}
