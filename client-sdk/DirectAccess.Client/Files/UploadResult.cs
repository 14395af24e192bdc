namespace DirectAccess.Client.Files;

/// <summary>
/// A finished upload. <see cref="Checksum"/> is the value S3 reported and this SDK verified (for multipart uploads
/// the composite form <c>&lt;base64&gt;-&lt;parts&gt;</c>).
/// </summary>
/// <param name="Bucket">Bucket.</param>
/// <param name="Key">Full object key (with the access-level prefix).</param>
/// <param name="ETag">ETag of the object.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="ChecksumAlgorithm">Checksum algorithm.</param>
/// <param name="Checksum">Verified whole-object checksum (Base64, composite for multipart).</param>
/// <param name="PartCount">Parts (1 for a single PUT).</param>
/// <param name="PartsResumed">Parts reused from an interrupted run (0 when not resumed).</param>
/// <param name="Duration">Wall time of this run.</param>
public sealed record UploadResult(string Bucket, string Key, string ETag, long Size, string ChecksumAlgorithm, string Checksum, int PartCount, int PartsResumed, TimeSpan Duration)
{
    /// <summary>Average throughput of this run in bytes per second (bytes actually sent ÷ duration).</summary>
    public double BytesPerSecond { get; init; }
}
