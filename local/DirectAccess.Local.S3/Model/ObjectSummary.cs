namespace DirectAccess.Local.S3.Model;

/// <summary>What ListObjectsV2 reports per object (a <c>Contents</c> element).</summary>
/// <param name="Key">Object key.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="ETag">Entity tag without quotes.</param>
/// <param name="LastModified">Commit time, UTC.</param>
/// <param name="ChecksumAlgorithm">Stored checksum algorithm, or null.</param>
/// <param name="ChecksumType">Stored checksum type, or null.</param>
public sealed record ObjectSummary(string Key, long Size, string ETag, DateTimeOffset LastModified,
    string? ChecksumAlgorithm, string? ChecksumType);
