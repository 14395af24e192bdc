using Amazon.S3;
using Amazon.S3.Model;
using DirectAccess.Checksums;
using DirectAccess.Client.Errors;

namespace DirectAccess.Client.Files.Upload;

/// <summary>
/// <c>CompleteMultipartUpload</c> with each part's ETag and checksum, then the whole-object check: the composite
/// checksum computed from the part checksums must equal the one S3 reports (from the Complete response, else
/// <c>HeadObject</c> with <c>x-amz-checksum-mode: ENABLED</c>).
/// </summary>
internal static class MultipartCompletion
{
    public static async Task<(string ETag, string Checksum)> CompleteAsync(UploadTarget target, string key, string uploadId, string algorithm,
        IReadOnlyList<(int PartNumber, string ETag, string Checksum)> parts, bool requireChecksum, CancellationToken ct)
    {
        var ordered = parts.OrderBy(p => p.PartNumber).ToList();
        var request = new CompleteMultipartUploadRequest
        {
            BucketName = target.Bucket,
            Key = key,
            UploadId = uploadId,
            PartETags = ordered.Select(p => WithChecksum(new PartETag(p.PartNumber, p.ETag), algorithm, p.Checksum)).ToList(),
        };
        var response = await S3Calls.Run(() => target.S3.CompleteMultipartUploadAsync(request, ct)).ConfigureAwait(false);
        var expected = ChecksumAlgorithms.Composite(algorithm, ordered.Select(p => p.Checksum));
        var reported = ChecksumOf(algorithm, response.ChecksumCRC32, response.ChecksumCRC32C, response.ChecksumSHA1, response.ChecksumSHA256);
        if (reported is null)
        {
            var head = await S3Calls.Run(() => target.S3.GetObjectMetadataAsync(new GetObjectMetadataRequest
            {
                BucketName = target.Bucket,
                Key = key,
                ChecksumMode = ChecksumMode.ENABLED,
            }, ct)).ConfigureAwait(false);
            reported = ChecksumOf(algorithm, head.ChecksumCRC32, head.ChecksumCRC32C, head.ChecksumSHA1, head.ChecksumSHA256);
        }

        return Verify(key, algorithm, expected, reported, requireChecksum, response.ETag);
    }

    /// <summary>Compares; a reported value without the <c>-N</c> suffix is compared on its Base64 part.</summary>
    public static (string ETag, string Checksum) Verify(string key, string algorithm, string expected, string? reported, bool requireChecksum, string etag)
    {
        if (reported is null)
        {
            return requireChecksum
                ? throw new ChecksumMismatchException(key, algorithm, expected, "(S3 reported no checksum)")
                : (etag, expected);
        }

        var bare = expected.Split('-')[0];
        if (reported != expected && reported != bare)
        {
            throw new ChecksumMismatchException(key, algorithm, expected, reported);
        }

        return (etag, reported);
    }

    public static string? ChecksumOf(string algorithm, string? crc32, string? crc32c, string? sha1, string? sha256) =>
        (algorithm.ToUpperInvariant() switch
        {
            "CRC32" => crc32,
            "CRC32C" => crc32c,
            "SHA1" => sha1,
            "SHA256" => sha256,
            _ => null,
        }) is { Length: > 0 } value ? value : null;

    private static PartETag WithChecksum(PartETag part, string algorithm, string checksum)
    {
        switch (algorithm.ToUpperInvariant())
        {
            case "CRC32": part.ChecksumCRC32 = checksum; break;
            case "CRC32C": part.ChecksumCRC32C = checksum; break;
            case "SHA1": part.ChecksumSHA1 = checksum; break;
            case "SHA256": part.ChecksumSHA256 = checksum; break;
        }

        return part;
    }

    public static ChecksumAlgorithm SdkAlgorithm(string algorithm) => algorithm.ToUpperInvariant() switch
    {
        "CRC32" => ChecksumAlgorithm.CRC32,
        "CRC32C" => ChecksumAlgorithm.CRC32C,
        "SHA1" => ChecksumAlgorithm.SHA1,
        _ => ChecksumAlgorithm.SHA256,
    };
}
