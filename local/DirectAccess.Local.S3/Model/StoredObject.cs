namespace DirectAccess.Local.S3.Model;

/// <summary>An object as the catalog records it.</summary>
/// <param name="Bucket">Bucket name.</param>
/// <param name="Key">Object key.</param>
/// <param name="Size">Total size in bytes.</param>
/// <param name="ETag">Entity tag without quotes: hex MD5, or for multipart <c>&lt;hex MD5 of part MD5s&gt;-&lt;N&gt;</c>.</param>
/// <param name="LastModified">Commit time, UTC, millisecond precision.</param>
/// <param name="Headers">Stored HTTP headers and user metadata.</param>
/// <param name="Checksum">Flexible checksum, when one was sent or requested.</param>
/// <param name="Segments">Data files in order; their lengths sum to <paramref name="Size"/>.</param>
public sealed record StoredObject(
    string Bucket,
    string Key,
    long Size,
    string ETag,
    DateTimeOffset LastModified,
    ObjectHeaders Headers,
    ObjectChecksum? Checksum,
    IReadOnlyList<BlobSegment> Segments)
{
    /// <summary>Number of parts for a multipart object (from its ETag suffix), else null.</summary>
    public int? PartCount
    {
        get
        {
            var dash = ETag.LastIndexOf('-');
            return dash > 0 && int.TryParse(ETag.AsSpan(dash + 1), out var parts) ? parts : null;
        }
    }
}
