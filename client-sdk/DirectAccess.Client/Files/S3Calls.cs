using Amazon.S3;
using DirectAccess.Client.Errors;

namespace DirectAccess.Client.Files;

/// <summary>Runs an AWS SDK S3 call and converts its exceptions into the SDK's typed ones (code + request id kept).</summary>
internal static class S3Calls
{
    /// <summary>
    /// Runs <paramref name="call"/>; when S3 refuses the credentials themselves (<c>ExpiredToken</c>, or
    /// <c>InvalidToken</c> when a request crossed a credential rollover), runs it once more. Both refusals happen in
    /// authentication, before S3 does anything, so the retry is safe even for non-idempotent calls, and
    /// <paramref name="call"/> builds a new request, so it is signed from scratch with the current credentials.
    /// </summary>
    /// <exception cref="DirectAccessServiceException">S3's error, with its code and request id.</exception>
    public static async Task<T> Run<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "ExpiredToken" or "InvalidToken")
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (AmazonS3Exception again)
            {
                throw ServiceErrors.From(again, "s3");
            }
        }
        catch (AmazonS3Exception e)
        {
            throw ServiceErrors.From(e, "s3");
        }
    }

    /// <summary>True for failures worth another attempt: network errors, 5xx, throttling, an expired session mid-refresh.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        HttpRequestException or IOException => true,
        DirectAccessServiceException s => (int)s.StatusCode >= 500 || s.ErrorCode is "SlowDown" or "RequestTimeout" or "ExpiredToken" or "InternalError",
        _ => false,
    };
}
