using Amazon.S3;
using Amazon.S3.Model;
using DirectAccess.Functions.Contracts;
using DirectAccess.Functions.Storage;
using DirectAccess.Functions.Worker.Context;
using DirectAccess.Functions.Worker.Functions;
using DirectAccess.Functions.Worker.Invocation;

namespace DirectAccess.Functions.Handlers;

/// <summary>
/// <c>ShareFile</c>: for an existing key under the caller's own prefix, returns a SigV4 presigned GET URL signed with
/// the function's execution-role credentials (S3 user guide, "Sharing objects with presigned URLs"). Lifetime 1 to
/// 604,800 s (7 days, SigV4's limit), 3,600 s by default. Errors: <c>Forbidden</c>, <c>InvalidRequest</c>,
/// <c>NoSuchKey</c>, <c>AccessDenied</c>.
/// </summary>
public sealed class ShareFileFunction(IAmazonS3 s3, UploadBucket bucket, TimeProvider clock, S3Endpoint endpoint)
    : IFunction<ShareFileRequest, ShareFileResponse>
{
    /// <summary>The lifetime when the payload names none, 3,600 s.</summary>
    public const int DefaultExpiresInSeconds = 3600;

    /// <summary>The longest lifetime SigV4 allows, 604,800 s (7 days).</summary>
    public const int MaximumExpiresInSeconds = 604800;

    /// <inheritdoc />
    public async Task<ShareFileResponse> RunAsync(ShareFileRequest request, FunctionContext context)
    {
        var caller = OwnedKey.RequireCaller(context);
        var key = OwnedKey.Parse(request.Key, caller.IdentityId);
        var lifetime = request.ExpiresInSeconds ?? DefaultExpiresInSeconds;
        if (lifetime is < 1 or > MaximumExpiresInSeconds)
        {
            throw new FunctionErrorException(FunctionErrorException.InvalidRequest, $"expiresInSeconds must be 1 to {MaximumExpiresInSeconds}.");
        }

        // Presigning never touches S3, so check the object exists first: a URL to nothing helps no one.
        await S3ErrorTranslation.TranslateAsync(key.Key, () => s3.GetObjectMetadataAsync(
            new GetObjectMetadataRequest { BucketName = bucket.Name, Key = key.Key }, context.CancellationToken)).ConfigureAwait(false);

        var now = clock.GetUtcNow().UtcDateTime;
        var expiresAt = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc).AddSeconds(lifetime);
        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = bucket.Name,
            Key = key.Key,
            Verb = HttpVerb.GET,
            Expires = expiresAt,
            Protocol = endpoint.IsHttp ? Protocol.HTTP : Protocol.HTTPS,
        }).ConfigureAwait(false);
        return new ShareFileResponse(key.Key, url, expiresAt);
    }
}
