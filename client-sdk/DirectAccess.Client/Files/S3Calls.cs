using Amazon.S3;
using DirectAccess.Client.Errors;

namespace DirectAccess.Client.Files;

/// <summary>Runs an AWS SDK S3 call and converts its exceptions into the SDK's typed ones (code + request id kept).</summary>
internal static class S3Calls
{
    public static async Task<T> Run<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
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
