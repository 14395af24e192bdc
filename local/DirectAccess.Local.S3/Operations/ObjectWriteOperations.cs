using DirectAccess.Local.S3.Model;
using DirectAccess.Local.S3.Protocol;
using DirectAccess.Local.S3.Routing;
using DirectAccess.Local.S3.Security;
using DirectAccess.Local.S3.Storage;

namespace DirectAccess.Local.S3.Operations;

/// <summary>
/// PutObject and CopyObject (S3 API reference). Authorization comes first, then the body streams to a temporary file,
/// is verified (length, Content-MD5, flexible checksum), renamed into the blob store and committed in one SQLite
/// transaction; a failure at any step leaves the previous object (or none) visible.
/// </summary>
public sealed class ObjectWriteOperations(
    ObjectCatalog objects,
    S3DataDirectory directory,
    BodyReceiver receiver,
    S3Authorization authorization,
    TimeProvider clock)
{
    /// <summary>PutObject: <c>s3:PutObject</c> on the object; honours <c>If-None-Match: *</c> and <c>If-Match</c>.</summary>
    public async Task PutObjectAsync(S3Request request)
    {
        authorization.RequireOnObject(request, "s3:PutObject");
        var condition = WriteCondition.FromHeaders(request.Http.Headers);
        if (condition.IfNoneMatchAny || condition.IfMatch is not null)
        {
            // Fail fast before receiving the body; the commit re-checks under the write lock.
            condition.Check(objects.Find(request.BucketName, request.ObjectKey), request.ObjectKey);
        }

        var headers = ObjectHeaderMapper.FromRequest(request.Http.Headers);
        var checksum = ChecksumRequest.Parse(request.Http.Headers);
        var contentMd5 = ContentMd5.Parse(request.Header("Content-MD5"));
        using var body = await receiver.ReceiveAsync(request.Payload, checksum, contentMd5, S3Limits.MaxSingleUpload, request.Aborted);
        var stored = await CommitAsync(request.BucketName, request.ObjectKey, body, headers, condition);

        request.Response.StatusCode = 200;
        request.Response.Headers.ETag = HttpFormats.QuoteETag(stored.ETag);
        ChecksumHeaders.Write(request.Response, stored.Checksum);
    }

    /// <summary>
    /// CopyObject: <c>s3:GetObject</c> on the source and <c>s3:PutObject</c> on the destination; copies the data into a
    /// new file (a multipart source becomes a single-part copy with an MD5 ETag), metadata per
    /// <c>x-amz-metadata-directive</c> (COPY | REPLACE).
    /// </summary>
    public async Task CopyObjectAsync(S3Request request, Func<string, bool> bucketExists)
    {
        var (sourceBucket, sourceKey) = ParseCopySource(request.Header("x-amz-copy-source")!);
        if (!bucketExists(sourceBucket))
        {
            throw S3Errors.NoSuchBucket(sourceBucket);
        }

        authorization.Require(request, "s3:GetObject", S3Authorization.ObjectArn(sourceBucket, sourceKey));
        authorization.RequireOnObject(request, "s3:PutObject");
        var condition = WriteCondition.FromHeaders(request.Http.Headers);
        var source = ObjectReadOperations.FindOrExplain(objects, authorization, request, sourceBucket, sourceKey);
        Preconditions.EvaluateCopySource(request.Http.Headers, source);
        if (source.Size > S3Limits.MaxSingleUpload)
        {
            throw S3Errors.InvalidRequest(
                $"The specified copy source is larger than the maximum allowable size for a copy source: {S3Limits.MaxSingleUpload}");
        }

        var directive = request.Header("x-amz-metadata-directive")?.ToUpperInvariant() ?? "COPY";
        if (directive is not ("COPY" or "REPLACE"))
        {
            throw S3Errors.InvalidArgument("Unknown metadata directive.", "x-amz-metadata-directive", directive);
        }

        var algorithm = ChecksumRequest.ParseAlgorithmHeader(request.Http.Headers) ?? source.Checksum?.Algorithm;
        if (sourceBucket == request.BucketName && sourceKey == request.ObjectKey && directive == "COPY"
            && algorithm == source.Checksum?.Algorithm)
        {
            throw S3Errors.InvalidRequest(
                "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.");
        }

        var headers = directive == "REPLACE" ? ObjectHeaderMapper.FromRequest(request.Http.Headers) : source.Headers;
        ReceivedBody body;
        using (var content = ObjectContent.Open(directory, source))
        {
            await using var copy = new HashingTempFile(directory, source.Size, algorithm);
            await content.CopyToAsync(copy, 0, source.Size, request.Aborted);
            body = await copy.SealAsync(computed => computed is null ? null : new ObjectChecksum(algorithm!, computed, ObjectChecksum.FullObject));
        }

        using (body)
        {
            var stored = await CommitAsync(request.BucketName, request.ObjectKey, body, headers, condition);
            await XmlResponse.WriteAsync(request.Response, "CopyObjectResult", xml =>
            {
                xml.WriteElementString("ETag", HttpFormats.QuoteETag(stored.ETag));
                xml.WriteElementString("LastModified", HttpFormats.XmlDate(stored.LastModified));
                if (stored.Checksum is { } checksum)
                {
                    xml.WriteElementString("ChecksumType", checksum.Type);
                    xml.WriteElementString(checksum.ElementName, checksum.Value);
                }
            });
        }
    }

    /// <summary>Moves a verified body into the blob store and commits it as the object.</summary>
    private async Task<StoredObject> CommitAsync(string bucket, string key, ReceivedBody body, ObjectHeaders headers, WriteCondition condition)
    {
        var blob = body.CommitTo(directory);
        var stored = new StoredObject(bucket, key, body.Length, body.ETag, Now(), headers, body.Checksum,
            [new BlobSegment(blob, body.Length)]);
        IReadOnlyList<BlobSegment> replaced;
        try
        {
            replaced = await objects.PutAsync(stored, condition);
        }
        catch
        {
            directory.Delete([blob]);
            throw;
        }

        directory.Delete(replaced.Select(s => s.Blob));
        return stored;
    }

    /// <summary>The current time at millisecond precision (what the catalog stores).</summary>
    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>Parses <c>x-amz-copy-source</c>: URL-encoded <c>[/]bucket/key[?versionId=…]</c>.</summary>
    /// <exception cref="S3Exception">400 <c>InvalidArgument</c> when malformed or naming a version.</exception>
    private static (string Bucket, string Key) ParseCopySource(string header)
    {
        var value = header;
        var query = value.IndexOf('?');
        if (query >= 0)
        {
            var versionId = value[(query + 1)..];
            if (versionId != "versionId=null")
            {
                throw S3Errors.InvalidArgument("Invalid version id specified", "x-amz-copy-source", header);
            }

            value = value[..query];
        }

        var decoded = S3Address.PercentDecode(value).TrimStart('/');
        var slash = decoded.IndexOf('/');
        return slash <= 0 || slash == decoded.Length - 1
            ? throw S3Errors.InvalidArgument("Copy Source must mention the source bucket and key: sourcebucket/sourcekey",
                "x-amz-copy-source", header)
            : (decoded[..slash], decoded[(slash + 1)..]);
    }
}
