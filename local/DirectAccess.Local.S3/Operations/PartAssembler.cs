using System.Security.Cryptography;
using DirectAccess.Checksums;
using DirectAccess.Local.S3.Model;
using DirectAccess.Local.S3.Protocol;

namespace DirectAccess.Local.S3.Operations;

/// <summary>
/// The rules of CompleteMultipartUpload (S3 user guide, "Multipart upload overview"; API reference): parts listed in
/// strictly ascending order (<c>InvalidPartOrder</c>), each uploaded with the listed ETag and checksum
/// (<c>InvalidPart</c>), all but the last at least 5 MiB (<c>EntityTooSmall</c>). The object's ETag is the MD5 of the
/// concatenated binary part MD5s followed by <c>-N</c>; its checksum is the composite of the part checksums.
/// </summary>
public static class PartAssembler
{
    /// <summary>Builds the completed object from the uploaded parts, or throws the S3 error.</summary>
    /// <exception cref="S3Exception"><c>InvalidPartOrder</c>, <c>InvalidPart</c>, <c>EntityTooSmall</c>, <c>InvalidRequest</c>.</exception>
    /// <param name="upload">The upload being completed.</param>
    /// <param name="requested">The parts listed in the request, in request order.</param>
    /// <param name="uploaded">The parts stored for the upload.</param>
    /// <param name="now">Completion time (the object's Last-Modified).</param>
    /// <param name="fullObjectChecksum">For <c>FULL_OBJECT</c> uploads, the whole-object checksum the client sent with
    /// the request (verified: <c>BadDigest</c> on mismatch); null when not sent.</param>
    public static StoredObject Assemble(MultipartUpload upload, IReadOnlyList<RequestedPart> requested,
        IReadOnlyList<UploadedPart> uploaded, DateTimeOffset now, string? fullObjectChecksum = null)
    {
        for (var i = 1; i < requested.Count; i++)
        {
            if (requested[i].PartNumber <= requested[i - 1].PartNumber)
            {
                throw S3Errors.InvalidPartOrder();
            }
        }

        var byNumber = uploaded.ToDictionary(p => p.PartNumber);
        var chosen = new List<UploadedPart>(requested.Count);
        foreach (var part in requested)
        {
            if (!byNumber.TryGetValue(part.PartNumber, out var stored) || stored.ETag != part.ETag)
            {
                throw InvalidPart(upload, part);
            }

            if (upload.ChecksumAlgorithm is not null)
            {
                if (part.Checksum is null)
                {
                    throw S3Errors.InvalidRequest(
                        $"The upload was created using a {upload.ChecksumAlgorithm.ToLowerInvariant()} checksum. The complete request must include the checksum for each part. It was missing for part {part.PartNumber} in the request.");
                }

                if (part.Checksum != stored.ChecksumValue)
                {
                    throw InvalidPart(upload, part);
                }
            }

            chosen.Add(stored);
        }

        for (var i = 0; i < chosen.Count - 1; i++)
        {
            if (chosen[i].Size < S3Limits.MinPartSize)
            {
                throw S3Errors.EntityTooSmall(chosen[i].Size, S3Limits.MinPartSize);
            }
        }

        var etag = MultipartETag(chosen.Select(p => p.ETag).ToArray());
        var checksum = ObjectChecksumOf(upload, chosen, fullObjectChecksum);
        return new StoredObject(upload.Bucket, upload.Key, chosen.Sum(p => p.Size), etag, now, upload.Headers, checksum,
            chosen.Select(p => new BlobSegment(p.Blob, p.Size)).ToArray());
    }

    private static ObjectChecksum? ObjectChecksumOf(MultipartUpload upload, List<UploadedPart> chosen, string? sentFullObject)
    {
        if (upload.ChecksumAlgorithm is not { } algorithm)
        {
            return null;
        }

        if (upload.ChecksumType != ObjectChecksum.FullObject)
        {
            return new ObjectChecksum(algorithm,
                ChecksumAlgorithms.Composite(algorithm, chosen.Select(p => p.ChecksumValue!)), ObjectChecksum.Composite);
        }

        var combined = CrcCombiner.Combine(algorithm, chosen.Select(p => (p.ChecksumValue!, p.Size)));
        if (sentFullObject is not null && sentFullObject != combined)
        {
            throw S3Errors.BadChecksum(algorithm);
        }

        return new ObjectChecksum(algorithm, combined, ObjectChecksum.FullObject);
    }

    /// <summary><c>hex(MD5(md5(part1) ‖ … ‖ md5(partN)))-N</c> from the parts' hex ETags.</summary>
    public static string MultipartETag(IReadOnlyList<string> partETags)
    {
        var concatenated = partETags.SelectMany(Convert.FromHexString).ToArray();
        return $"{Convert.ToHexStringLower(MD5.HashData(concatenated))}-{partETags.Count}";
    }

    private static S3Exception InvalidPart(MultipartUpload upload, RequestedPart part) =>
        new(400, "InvalidPart",
            "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
            ("UploadId", upload.UploadId), ("PartNumber", part.PartNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("ETag", part.ETag));
}
