namespace DirectAccess.Local.S3.Model;

/// <summary>A stored part of a multipart upload.</summary>
/// <param name="PartNumber">1 to 10,000.</param>
/// <param name="Blob">Committed data file name.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="ETag">Hex MD5 of the part, without quotes.</param>
/// <param name="LastModified">Upload time, UTC.</param>
/// <param name="ChecksumValue">Base64 checksum in the upload's algorithm, or null.</param>
public sealed record UploadedPart(int PartNumber, string Blob, long Size, string ETag, DateTimeOffset LastModified, string? ChecksumValue);
