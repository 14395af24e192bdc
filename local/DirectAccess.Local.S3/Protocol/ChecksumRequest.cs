using DirectAccess.Checksums;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.S3.Protocol;

/// <summary>
/// What a write request says about flexible checksums (S3 user guide, "Checking object integrity"): the algorithm to
/// compute, and the expected value from an <c>x-amz-checksum-*</c> header or, when <c>x-amz-trailer</c> names one, from
/// the aws-chunked trailer that arrives after the body.
/// </summary>
/// <param name="Algorithm">Upper-case algorithm to compute (CRC32, CRC32C, SHA1, SHA256), or null for none.</param>
/// <param name="ExpectedBase64">Value from the header, or null.</param>
/// <param name="TrailerName">Lower-case trailer header carrying the value, or null.</param>
public sealed record ChecksumRequest(string? Algorithm, string? ExpectedBase64, string? TrailerName)
{
    /// <summary>No checksum.</summary>
    public static ChecksumRequest None { get; } = new(null, null, null);

    /// <summary>
    /// Reads the checksum headers of a PutObject/UploadPart. <paramref name="uploadAlgorithm"/> is the algorithm a
    /// multipart upload was created with: parts must use it (or send none, and it is computed).
    /// </summary>
    /// <exception cref="S3Exception">400 <c>InvalidRequest</c> for malformed, multiple, mismatched or undeclared
    /// checksums; 501 for algorithms this S3 does not compute (CRC64NVME).</exception>
    public static ChecksumRequest Parse(IHeaderDictionary headers, string? uploadAlgorithm = null)
    {
        var declared = new List<(string Algorithm, string? Value, string? Trailer)>();
        foreach (var algorithm in ChecksumAlgorithms.Names)
        {
            var name = ChecksumAlgorithms.HeaderName(algorithm);
            if (headers.TryGetValue(name, out var value))
            {
                declared.Add((algorithm, value.ToString(), null));
            }
        }

        if (headers.ContainsKey("x-amz-checksum-crc64nvme"))
        {
            throw S3Errors.NotImplemented("x-amz-checksum-crc64nvme");
        }

        var trailerHeader = headers["x-amz-trailer"].ToString();
        foreach (var trailer in trailerHeader.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var lower = trailer.ToLowerInvariant();
            if (!lower.StartsWith("x-amz-checksum-", StringComparison.Ordinal))
            {
                continue;
            }

            var algorithm = ChecksumAlgorithms.Names.FirstOrDefault(a => ChecksumAlgorithms.HeaderName(a) == lower)
                ?? throw (lower == "x-amz-checksum-crc64nvme"
                    ? S3Errors.NotImplemented(lower)
                    : S3Errors.InvalidRequest($"The value specified in the x-amz-trailer header is not supported"));
            declared.Add((algorithm, null, lower));
        }

        if (declared.Count > 1)
        {
            throw S3Errors.InvalidRequest("Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
        }

        var sdkAlgorithm = headers["x-amz-sdk-checksum-algorithm"].ToString();
        if (declared.Count == 0)
        {
            if (sdkAlgorithm.Length > 0)
            {
                throw S3Errors.InvalidRequest(
                    "x-amz-sdk-checksum-algorithm specified, but no corresponding x-amz-checksum-* or x-amz-trailer headers were found.");
            }

            return uploadAlgorithm is null ? None : new ChecksumRequest(uploadAlgorithm, null, null);
        }

        var (chosen, headerValue, trailerName) = declared[0];
        if (sdkAlgorithm.Length > 0 && !string.Equals(sdkAlgorithm, chosen, StringComparison.OrdinalIgnoreCase))
        {
            throw S3Errors.InvalidRequest("Value for x-amz-sdk-checksum-algorithm header is invalid.");
        }

        if (uploadAlgorithm is not null && uploadAlgorithm != chosen)
        {
            throw S3Errors.InvalidRequest(
                $"Checksum Type mismatch occurred, expected checksum Type: {uploadAlgorithm.ToLowerInvariant()}, actual checksum Type: {chosen.ToLowerInvariant()}");
        }

        if (headerValue is not null && !IsWellFormed(chosen, headerValue))
        {
            throw S3Errors.InvalidRequest($"Value for {ChecksumAlgorithms.HeaderName(chosen)} header is invalid.");
        }

        return new ChecksumRequest(chosen, headerValue, trailerName);
    }

    /// <summary>True when <paramref name="base64"/> decodes to the digest length of <paramref name="algorithm"/>.</summary>
    public static bool IsWellFormed(string algorithm, string base64)
    {
        Span<byte> buffer = stackalloc byte[64];
        return Convert.TryFromBase64String(base64, buffer, out var written) && written == DigestLength(algorithm);
    }

    /// <summary>Digest length in bytes: 4 for CRCs, 20 for SHA1, 32 for SHA256.</summary>
    public static int DigestLength(string algorithm) => algorithm switch
    {
        "SHA1" => 20,
        "SHA256" => 32,
        _ => 4,
    };

    /// <summary>
    /// The algorithm named by <c>x-amz-checksum-algorithm</c> (CreateMultipartUpload, CopyObject), upper-case, or null.
    /// </summary>
    /// <exception cref="S3Exception">400 <c>InvalidRequest</c> for an unknown name; 501 for CRC64NVME.</exception>
    public static string? ParseAlgorithmHeader(IHeaderDictionary headers)
    {
        var value = headers["x-amz-checksum-algorithm"].ToString();
        if (value.Length == 0)
        {
            value = headers["x-amz-sdk-checksum-algorithm"].ToString();
        }

        if (value.Length == 0)
        {
            return null;
        }

        var upper = value.ToUpperInvariant();
        if (upper == "CRC64NVME")
        {
            throw S3Errors.NotImplemented("x-amz-checksum-algorithm: CRC64NVME");
        }

        return ChecksumAlgorithms.Names.Contains(upper)
            ? upper
            : throw S3Errors.InvalidRequest("Checksum algorithm provided is unsupported. Please try again with any of the valid types: [CRC32, CRC32C, SHA1, SHA256]");
    }
}
