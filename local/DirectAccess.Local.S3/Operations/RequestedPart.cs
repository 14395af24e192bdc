namespace DirectAccess.Local.S3.Operations;

/// <summary>One <c>&lt;Part&gt;</c> of a CompleteMultipartUpload request.</summary>
/// <param name="PartNumber">Part number as sent.</param>
/// <param name="ETag">Unquoted ETag as sent.</param>
/// <param name="Checksum">The part's checksum element for the upload's algorithm, or null.</param>
public sealed record RequestedPart(int PartNumber, string ETag, string? Checksum);
