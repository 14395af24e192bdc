using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using DirectAccess.Functions.Contracts;
using DirectAccess.Functions.Storage;
using DirectAccess.Functions.Worker.Context;
using DirectAccess.Functions.Worker.Functions;
using DirectAccess.Functions.Worker.Invocation;

namespace DirectAccess.Functions.Handlers;

/// <summary>
/// <c>ProcessUpload</c>: for a key under the caller's own prefix, streams the object from S3 with the function's
/// execution-role credentials, counts and SHA-256-hashes it in constant memory, writes a manifest to
/// <c>manifests/&lt;identity id&gt;/&lt;key below the prefix&gt;.json</c>, and returns the receipt.
/// Errors: <c>Forbidden</c> (no identity, or someone else's key), <c>InvalidRequest</c>, <c>NoSuchKey</c>,
/// <c>AccessDenied</c>, <c>IncompleteBody</c> (fewer bytes than <c>Content-Length</c>).
/// </summary>
public sealed class ProcessUploadFunction(IAmazonS3 s3, UploadBucket bucket, TimeProvider clock)
    : IFunction<ProcessUploadRequest, UploadReceipt>
{
    /// <summary>The key of an object's manifest.</summary>
    /// <param name="key">The owned object key.</param>
    /// <returns><c>manifests/&lt;owner&gt;/&lt;relative key&gt;.json</c>.</returns>
    public static string ManifestKey(OwnedKey key) => $"manifests/{key.Owner}/{key.RelativeKey}.json";

    /// <inheritdoc />
    public async Task<UploadReceipt> RunAsync(ProcessUploadRequest request, FunctionContext context)
    {
        var caller = OwnedKey.RequireCaller(context);
        var key = OwnedKey.Parse(request.Key, caller.IdentityId);
        var cancellationToken = context.CancellationToken;

        using var response = await S3ErrorTranslation.TranslateAsync(key.Key, () =>
            s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket.Name, Key = key.Key }, cancellationToken)).ConfigureAwait(false);
        var (size, sha256) = await StreamingSha256.HashAsync(response.ResponseStream, cancellationToken).ConfigureAwait(false);
        if (size != response.ContentLength)
        {
            throw new FunctionErrorException("IncompleteBody", $"Read {size} bytes of {key.Key}, but S3 announced {response.ContentLength}.");
        }

        var receipt = new UploadReceipt(key.Key, size, sha256, response.Headers.ContentType ?? "binary/octet-stream", response.ETag ?? string.Empty, key.Owner);
        var manifest = new UploadManifest(receipt, bucket.Name, clock.GetUtcNow().UtcDateTime, context.AwsRequestId);
        using var body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(manifest, FunctionsJsonContext.Default.UploadManifest));
        var manifestKey = ManifestKey(key);
        await S3ErrorTranslation.TranslateAsync(manifestKey, () => s3.PutObjectAsync(
            new PutObjectRequest { BucketName = bucket.Name, Key = manifestKey, InputStream = body, ContentType = "application/json" },
            cancellationToken)).ConfigureAwait(false);
        return receipt;
    }
}
