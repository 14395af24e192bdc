namespace DirectAccess.Client.Errors;

/// <summary>
/// The whole-object check failed: the checksum S3 reported for the finished object differs from the one computed
/// locally from the parts (S3 user guide, "Checking object integrity"). The object is left in place for inspection.
/// </summary>
public sealed class ChecksumMismatchException(string key, string algorithm, string expected, string actual)
    : Exception($"Checksum mismatch for '{key}': {algorithm} expected {expected}, S3 reported {actual}.")
{
    /// <summary>The object key.</summary>
    public string Key { get; } = key;

    /// <summary>The checksum algorithm (<c>CRC32</c>, <c>SHA256</c>, ...).</summary>
    public string Algorithm { get; } = algorithm;

    /// <summary>The locally computed value (Base64, composite values end in <c>-&lt;parts&gt;</c>).</summary>
    public string Expected { get; } = expected;

    /// <summary>The value S3 reported.</summary>
    public string Actual { get; } = actual;
}

/// <summary>A Lambda payload is over the synchronous limit (6 MB request, Lambda quotas); raised before anything is sent.</summary>
public sealed class PayloadTooLargeException(long size, long limit)
    : Exception($"Invoke payload is {size} bytes; Lambda accepts at most {limit} bytes.")
{
    /// <summary>Payload size in bytes.</summary>
    public long Size { get; } = size;

    /// <summary>The limit in bytes.</summary>
    public long Limit { get; } = limit;
}
