namespace DirectAccess.Client.Files.Journal;

/// <summary>
/// The first line of an upload journal: which file (full path, size in bytes, last-write time UTC ticks), where it
/// goes, the multipart upload id, part size and checksum algorithm. Times are UTC.
/// </summary>
public sealed record UploadJournalHeader
{
    /// <summary>Journal format version (1).</summary>
    public int Version { get; init; } = 1;

    /// <summary>Full path of the source file.</summary>
    public required string FilePath { get; init; }

    /// <summary>File size in bytes when the upload started.</summary>
    public required long Size { get; init; }

    /// <summary>File last-write time (UTC ticks) when the upload started.</summary>
    public required long LastWriteUtcTicks { get; init; }

    /// <summary>Bucket.</summary>
    public required string Bucket { get; init; }

    /// <summary>Full object key.</summary>
    public required string Key { get; init; }

    /// <summary>Multipart upload id from <c>CreateMultipartUpload</c>.</summary>
    public required string UploadId { get; init; }

    /// <summary>Part size in bytes.</summary>
    public required long PartSize { get; init; }

    /// <summary>Checksum algorithm of the parts (<c>CRC32</c>, <c>CRC32C</c>, <c>SHA256</c>).</summary>
    public required string ChecksumAlgorithm { get; init; }

    /// <summary>When the upload was created (UTC).</summary>
    public required DateTime CreatedUtc { get; init; }
}

/// <summary>A finished part: number (1-based), ETag as S3 returned it, Base64 checksum, size in bytes.</summary>
public sealed record UploadJournalPart(int PartNumber, string ETag, string Checksum, long Size);

/// <summary>A journal read back from disk: the header and every part recorded.</summary>
public sealed record UploadJournal(string JournalPath, UploadJournalHeader Header, IReadOnlyDictionary<int, UploadJournalPart> Parts);
