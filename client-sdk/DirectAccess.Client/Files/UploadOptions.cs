namespace DirectAccess.Client.Files;

/// <summary>
/// Options of an upload. Defaults favour throughput on a fast link: 16 MiB parts, 16 parts in flight, CRC32 part
/// checksums, parts streamed from the file (memory ≈ concurrency × 256 KiB; with <see cref="StreamParts"/> off,
/// concurrency × part size).
/// </summary>
public sealed record UploadOptions
{
    /// <summary>Prefix family of the key (default <see cref="Files.AccessLevel.Private"/>).</summary>
    public AccessLevel AccessLevel { get; init; } = AccessLevel.Private;

    /// <summary>Preferred part size in bytes (5 MiB–5 GiB, default 16 MiB); grown automatically to stay within 10,000 parts.</summary>
    public long PartSize { get; init; } = 16L * 1024 * 1024;

    /// <summary>Parts uploaded at once (1–64, default 16; chosen by measurement against the local cloud, see bench/client).</summary>
    public int Concurrency { get; init; } = 16;

    /// <summary>Files up to this many bytes go in one <c>PutObject</c> (default = <see cref="PartSize"/>; at most <see cref="PartSize"/>).</summary>
    public long? SinglePutThreshold { get; init; }

    /// <summary>
    /// File parts are streamed from disk as <c>aws-chunked</c> bodies with the checksum in a trailer (default true):
    /// memory per part in flight is one 256 KiB chunk instead of the whole part. False: each part is read into a
    /// part-sized buffer and sent with an <c>x-amz-checksum-*</c> header (for S3 implementations without trailer support).
    /// </summary>
    public bool StreamParts { get; init; } = true;

    /// <summary>Checksum algorithm for parts and object: <c>CRC32</c> (default), <c>CRC32C</c> or <c>SHA256</c>.</summary>
    public string ChecksumAlgorithm { get; init; } = "CRC32";

    /// <summary>Content type stored with the object (default <c>application/octet-stream</c>).</summary>
    public string? ContentType { get; init; }

    /// <summary>Resume an interrupted upload of the same file to the same key from its journal (default true).</summary>
    public bool Resume { get; init; } = true;

    /// <summary>
    /// Fail when S3 does not report a whole-object checksum to compare (default true: fail closed). Turn off only for
    /// S3 implementations that do not support flexible checksums.
    /// </summary>
    public bool RequireObjectChecksum { get; init; } = true;

    internal void Validate()
    {
        if (PartSize is < Upload.PartPlan.MinPartSize or > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(PartSize), PartSize, "Part size must be 5 MiB to 2 GiB (one in-memory buffer per part in flight).");
        }

        if (Concurrency is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(Concurrency), Concurrency, "Concurrency must be 1 to 64.");
        }

        if (ChecksumAlgorithm.ToUpperInvariant() is not ("CRC32" or "CRC32C" or "SHA256" or "SHA1"))
        {
            throw new ArgumentException($"Unsupported checksum algorithm '{ChecksumAlgorithm}'.", nameof(ChecksumAlgorithm));
        }
    }

    internal long EffectiveSinglePutThreshold => Math.Min(SinglePutThreshold ?? PartSize, PartSize);
}
