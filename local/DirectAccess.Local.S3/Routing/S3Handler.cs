using System.Security.Cryptography;
using DirectAccess.Local.Hosting;
using DirectAccess.Local.Model;
using DirectAccess.Local.S3.Operations;
using DirectAccess.Local.S3.Protocol;
using DirectAccess.Local.Security;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.S3.Routing;

/// <summary>
/// The S3 REST-XML endpoint: takes every request no other service took. Per request: SigV4 authentication (streaming
/// payload), address and operation resolution, bucket existence, then the operation (which authorizes before reading
/// any body). Every response carries <c>x-amz-request-id</c>/<c>x-amz-id-2</c>; every failure is S3's XML error.
/// </summary>
public sealed class S3Handler(
    IRequestAuthenticator authenticator,
    StackModel stack,
    BucketOperations buckets,
    ObjectReadOperations reads,
    ObjectWriteOperations writes,
    DeleteOperations deletes,
    ListObjectsOperation listing,
    MultipartUploadOperations multipart,
    MultipartListOperations multipartListing,
    TextWriter log) : IAwsServiceHandler
{
    // S3 limits keys to 1,024 bytes of UTF-8 (S3 user guide, "Naming objects").
    private const int MaxKeyBytes = 1024;

    private readonly HashSet<string> _buckets = stack.Buckets.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);

    /// <inheritdoc />
    public string Name => "s3";

    /// <inheritdoc />
    public bool CanHandle(HttpRequest request) => true;

    /// <inheritdoc />
    public async Task HandleAsync(HttpContext context)
    {
        var requestId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        var hostId = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        context.Response.Headers["x-amz-request-id"] = requestId;
        context.Response.Headers["x-amz-id-2"] = hostId;
        try
        {
            var address = S3Address.Parse(context.Request);
            var authentication = authenticator.AuthenticateStreaming(context.Request, "s3");
            if (!authentication.Result.Succeeded || authentication.Payload is null)
            {
                var result = authentication.Result;
                throw new S3Exception(result.StatusCode, result.ErrorCode ?? "AccessDenied", result.ErrorMessage ?? "Access Denied");
            }

            var operation = S3OperationResolver.Resolve(context.Request, address);
            if (address.Bucket is not null && !_buckets.Contains(address.Bucket))
            {
                throw S3Errors.NoSuchBucket(address.Bucket);
            }

            if (address.Key is not null && System.Text.Encoding.UTF8.GetByteCount(address.Key) > MaxKeyBytes)
            {
                throw new S3Exception(400, "KeyTooLongError", "Your key is too long");
            }

            var request = new S3Request(context, authentication.Result.Caller!, authentication.Payload, address.Bucket, address.Key);
            await DispatchAsync(operation, request);
        }
        catch (S3Exception error)
        {
            await ErrorResponseWriter.WriteAsync(context, error, requestId, hostId);
        }
        catch (PayloadVerificationException error)
        {
            await ErrorResponseWriter.WriteAsync(context, new S3Exception(400, error.ErrorCode, error.Message), requestId, hostId);
        }
        catch (Exception error) when (error is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer. Temporary files were removed on the way out.
        }
        catch (Exception error)
        {
            // A bug or a broken store: say so in S3's words rather than with an empty 500, and leave a trace.
            await log.WriteLineAsync($"s3: {context.Request.Method} {context.Request.Path} failed (request {requestId}): {error}");
            await ErrorResponseWriter.WriteAsync(context,
                S3Errors.InternalError("We encountered an internal error. Please try again."), requestId, hostId);
        }
    }

    private Task DispatchAsync(S3Operation operation, S3Request request) => operation switch
    {
        S3Operation.ListBuckets => buckets.ListBucketsAsync(request),
        S3Operation.HeadBucket => buckets.HeadBucketAsync(request),
        S3Operation.GetBucketLocation => buckets.GetBucketLocationAsync(request),
        S3Operation.BucketAdministration => buckets.BucketAdministrationAsync(request),
        S3Operation.ListObjectsV2 => listing.ListObjectsV2Async(request),
        S3Operation.ListMultipartUploads => multipartListing.ListMultipartUploadsAsync(request),
        S3Operation.DeleteObjects => deletes.DeleteObjectsAsync(request),
        S3Operation.PutObject => writes.PutObjectAsync(request),
        S3Operation.CopyObject => writes.CopyObjectAsync(request, _buckets.Contains),
        S3Operation.GetObject => reads.GetObjectAsync(request),
        S3Operation.HeadObject => reads.HeadObjectAsync(request),
        S3Operation.DeleteObject => deletes.DeleteObjectAsync(request),
        S3Operation.CreateMultipartUpload => multipart.CreateAsync(request),
        S3Operation.UploadPart => multipart.UploadPartAsync(request),
        S3Operation.CompleteMultipartUpload => multipart.CompleteAsync(request),
        S3Operation.AbortMultipartUpload => multipart.AbortAsync(request),
        S3Operation.ListParts => multipartListing.ListPartsAsync(request),
        _ => throw S3Errors.NotImplemented(operation.ToString()),
    };
}
