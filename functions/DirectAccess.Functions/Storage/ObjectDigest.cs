using Amazon.S3;
using Amazon.S3.Model;
using DirectAccess.Functions.Worker.Invocation;

namespace DirectAccess.Functions.Storage;

/// <summary>
/// Size, SHA-256 and metadata of one whole S3 object, read as a stream in constant memory.
/// </summary>
/// <param name="Size">Bytes read, equal to the object's <c>Content-Length</c>.</param>
/// <param name="Sha256">SHA-256 as 64 lowercase hex digits.</param>
/// <param name="ContentType">The stored <c>Content-Type</c>.</param>
/// <param name="ETag">The ETag as S3 returns it (quoted).</param>
public sealed record ObjectDigest(long Size, string Sha256, string ContentType, string ETag)
{
    /// <summary>
    /// HeadObject, then GetObject of the byte range <c>0-(size-1)</c> with <c>If-Match: &lt;ETag&gt;</c>. Why a range:
    /// for a whole-object GET the AWS SDK for .NET wraps the body in its managed MD5 validator, which allocates more
    /// than the object's size in garbage and doubles the CPU cost; a ranged read avoids that while the SHA-256 computed
    /// here and the byte count still check the content. <c>If-Match</c> makes an object replaced between the two calls
    /// fail (<c>PreconditionFailed</c>) instead of mixing versions. Both calls need only <c>s3:GetObject</c>.
    /// </summary>
    /// <param name="s3">The S3 client (the function's execution role).</param>
    /// <param name="bucket">The bucket.</param>
    /// <param name="key">The object key.</param>
    /// <param name="cancellationToken">Stops the read (the invocation's deadline token).</param>
    /// <returns>The digest.</returns>
    /// <exception cref="FunctionErrorException"><c>NoSuchKey</c>, <c>AccessDenied</c>, <c>PreconditionFailed</c>, or
    /// <c>IncompleteBody</c> when fewer or more bytes arrive than announced.</exception>
    public static async Task<ObjectDigest> ComputeAsync(IAmazonS3 s3, string bucket, string key, CancellationToken cancellationToken)
    {
        var head = await S3ErrorTranslation.TranslateAsync(key, () =>
            s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }, cancellationToken)).ConfigureAwait(false);
        var size = head.ContentLength;
        var contentType = head.Headers.ContentType ?? "binary/octet-stream";
        var eTag = head.ETag ?? string.Empty;
        if (size == 0)
        {
            var (_, emptySha256) = await StreamingSha256.HashAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            return new ObjectDigest(0, emptySha256, contentType, eTag);
        }

        var request = new GetObjectRequest { BucketName = bucket, Key = key, ByteRange = new ByteRange(0, size - 1), EtagToMatch = eTag };
        using var response = await S3ErrorTranslation.TranslateAsync(key, () => s3.GetObjectAsync(request, cancellationToken)).ConfigureAwait(false);
        var (read, sha256) = await StreamingSha256.HashAsync(response.ResponseStream, cancellationToken).ConfigureAwait(false);
        return read == size
            ? new ObjectDigest(size, sha256, contentType, eTag)
            : throw new FunctionErrorException("IncompleteBody", $"Read {read} bytes of {key}, but S3 announced {size}.");
    }
}
