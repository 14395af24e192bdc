namespace DirectAccess.Checksums;

/// <summary>
/// An S3 flexible checksum computed incrementally over a stream of bytes (S3 user guide, "Checking object integrity").
/// Not thread-safe; one instance per stream.
/// </summary>
public abstract class IncrementalChecksum
{
    /// <summary>The S3 algorithm name: <c>CRC32</c>, <c>CRC32C</c>, <c>SHA1</c> or <c>SHA256</c>.</summary>
    public abstract string Algorithm { get; }

    /// <summary>Adds bytes to the checksum.</summary>
    public abstract void Append(ReadOnlySpan<byte> data);

    /// <summary>The checksum of everything appended (big-endian for CRCs, as S3 sends it); resets the instance.</summary>
    public abstract byte[] GetHashAndReset();

    /// <summary>Base64 of <see cref="GetHashAndReset"/>, the form of <c>x-amz-checksum-*</c> headers; resets the instance.</summary>
    public string GetBase64AndReset() => Convert.ToBase64String(GetHashAndReset());
}
