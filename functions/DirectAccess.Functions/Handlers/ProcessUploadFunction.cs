using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using DirectAccess.Functions.Contracts;
using DirectAccess.Functions.Storage;
using DirectAccess.Functions.Worker.Context;
using DirectAccess.Functions.Worker.Functions;

namespace DirectAccess.Functions.Handlers;

/// <summary>
/// <c>ProcessUpload</c>: for a key under the caller's own prefix, streams the object from S3 with the function's
/// execution-role credentials, counts and SHA-256-hashes it in constant memory, writes a manifest to
/// <c>manifests/&lt;identity id&gt;/&lt;key below the prefix&gt;.json</c>, and returns the receipt.
/// Errors: <c>Forbidden</c> (no identity, or someone else's key), <c>InvalidRequest</c>, <c>NoSuchKey</c>,
/// <c>AccessDenied</c>, <c>PreconditionFailed</c>, <c>IncompleteBody</c> (see <see cref="ObjectDigest"/>).
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

        var digest = await ObjectDigest.ComputeAsync(s3, bucket.Name, key.Key, cancellationToken).ConfigureAwait(false);
        var receipt = new UploadReceipt(key.Key, digest.Size, digest.Sha256, digest.ContentType, digest.ETag, key.Owner);
        var manifest = new UploadManifest(receipt, bucket.Name, clock.GetUtcNow().UtcDateTime, context.AwsRequestId);
        using var body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(manifest, FunctionsJsonContext.Default.UploadManifest));
        var manifestKey = ManifestKey(key);
        await S3ErrorTranslation.TranslateAsync(manifestKey, () => s3.PutObjectAsync(
            new PutObjectRequest { BucketName = bucket.Name, Key = manifestKey, InputStream = body, ContentType = "application/json" },
            cancellationToken)).ConfigureAwait(false);
        return receipt;
    }
}
