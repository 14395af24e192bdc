namespace DirectAccess.Local.S3.Model;

/// <summary>
/// A flexible checksum stored with an object or part (S3 user guide, "Checking object integrity").
/// </summary>
/// <param name="Algorithm"><c>CRC32</c>, <c>CRC32C</c>, <c>SHA1</c> or <c>SHA256</c>.</param>
/// <param name="Value">Base64 value; a multipart object's composite value ends in <c>-&lt;part count&gt;</c>.</param>
/// <param name="Type"><c>FULL_OBJECT</c> (over the whole body) or <c>COMPOSITE</c> (checksum of part checksums).</param>
public sealed record ObjectChecksum(string Algorithm, string Value, string Type)
{
    /// <summary>The <c>ChecksumType</c> of a checksum over the whole body.</summary>
    public const string FullObject = "FULL_OBJECT";

    /// <summary>The <c>ChecksumType</c> of a multipart object's checksum of part checksums.</summary>
    public const string Composite = "COMPOSITE";

    /// <summary>The XML element / output member naming this algorithm's value, e.g. <c>ChecksumCRC32C</c>.</summary>
    public string ElementName => ElementFor(Algorithm);

    /// <summary>The XML element for <paramref name="algorithm"/>, e.g. <c>ChecksumSHA256</c>.</summary>
    public static string ElementFor(string algorithm) => "Checksum" + algorithm.ToUpperInvariant();
}
