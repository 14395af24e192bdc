namespace DirectAccess.Client.Files.Upload;

/// <summary>
/// How a file is cut into parts within S3's multipart limits (S3 user guide, "Multipart upload limits"): parts of
/// 5 MiB–5 GiB (the last may be smaller), at most 10,000 parts, objects up to 5 TiB.
/// </summary>
internal readonly record struct PartPlan(long Size, long PartSize, int PartCount)
{
    public const long MinPartSize = 5L * 1024 * 1024;
    public const long MaxPartSize = 5L * 1024 * 1024 * 1024;
    public const int MaxParts = 10_000;
    public const long MaxObjectSize = 5L * 1024 * 1024 * 1024 * 1024;

    /// <summary>
    /// Uses <paramref name="preferredPartSize"/> unless the file would need more than 10,000 parts; then grows the
    /// part size to the next MiB multiple that fits.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Over 5 TiB, or a part size outside 5 MiB–5 GiB.</exception>
    public static PartPlan For(long size, long preferredPartSize)
    {
        if (size > MaxObjectSize)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "S3 objects are at most 5 TiB.");
        }

        if (preferredPartSize is < MinPartSize or > MaxPartSize)
        {
            throw new ArgumentOutOfRangeException(nameof(preferredPartSize), preferredPartSize, "Part size must be 5 MiB to 5 GiB.");
        }

        var partSize = preferredPartSize;
        if ((size + partSize - 1) / partSize > MaxParts)
        {
            const long mib = 1024 * 1024;
            var needed = (size + MaxParts - 1) / MaxParts;
            partSize = (needed + mib - 1) / mib * mib;
        }

        var count = size == 0 ? 1 : (int)((size + partSize - 1) / partSize);
        return new PartPlan(size, partSize, count);
    }

    /// <summary>Byte offset of part <paramref name="partNumber"/> (1-based).</summary>
    public long Offset(int partNumber) => (partNumber - 1) * PartSize;

    /// <summary>Length of part <paramref name="partNumber"/> in bytes.</summary>
    public int Length(int partNumber) => (int)Math.Min(PartSize, Size - Offset(partNumber));
}
