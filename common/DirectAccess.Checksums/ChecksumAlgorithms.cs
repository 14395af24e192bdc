namespace DirectAccess.Checksums;

/// <summary>Factory and names for the S3 flexible checksum algorithms.</summary>
public static partial class ChecksumAlgorithms
{
    /// <summary>The algorithm names S3 accepts in <c>x-amz-checksum-algorithm</c> / <c>x-amz-sdk-checksum-algorithm</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["CRC32", "CRC32C", "SHA1", "SHA256"];

    /// <summary>The header that carries a checksum of <paramref name="algorithm"/>, e.g. <c>x-amz-checksum-crc32c</c>.</summary>
    public static string HeaderName(string algorithm) => "x-amz-checksum-" + algorithm.ToLowerInvariant();

    /// <summary>Creates an incremental checksum.</summary>
    /// <param name="algorithm">CRC32, CRC32C, SHA1 or SHA256 (case-insensitive).</param>
    /// <exception cref="ArgumentException">For any other name (S3 answers <c>InvalidRequest</c>).</exception>
    public static IncrementalChecksum Create(string algorithm) => CreateCore(algorithm.ToUpperInvariant());

    /// <summary>
    /// The composite ("checksum of checksums") value S3 reports for a multipart object: the algorithm applied to the
    /// concatenated raw part checksums, Base64, followed by <c>-&lt;part count&gt;</c>.
    /// </summary>
    /// <param name="algorithm">The algorithm of the parts.</param>
    /// <param name="partChecksumsBase64">Each part's Base64 checksum, in part order.</param>
    public static string Composite(string algorithm, IEnumerable<string> partChecksumsBase64)
    {
        var checksum = Create(algorithm);
        var count = 0;
        foreach (var part in partChecksumsBase64)
        {
            checksum.Append(Convert.FromBase64String(part));
            count++;
        }

        return $"{checksum.GetBase64AndReset()}-{count}";
    }
}
