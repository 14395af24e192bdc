using System.Net;
using Amazon.S3;
using DirectAccess.Functions.Worker.Invocation;

namespace DirectAccess.Functions.Storage;

/// <summary>
/// Turns S3 refusals into function errors the caller can act on: <c>NoSuchKey</c> (404), <c>PreconditionFailed</c>
/// (412, an <c>If-Match</c> that no longer holds) and <c>AccessDenied</c> (403; S3 answers 403 for a missing key when
/// the role may not <c>s3:ListBucket</c>, S3 user guide "Error responses").
/// Anything else propagates and is reported under its .NET type name.
/// </summary>
public static class S3ErrorTranslation
{
    /// <summary>Runs <paramref name="call"/>, translating 404 and 403.</summary>
    /// <typeparam name="T">The call's result.</typeparam>
    /// <param name="key">The key, for the message.</param>
    /// <param name="call">The S3 call.</param>
    /// <returns>The call's result.</returns>
    /// <exception cref="FunctionErrorException"><c>NoSuchKey</c>, <c>PreconditionFailed</c> or <c>AccessDenied</c>.</exception>
    public static async Task<T> TranslateAsync<T>(string key, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            throw new FunctionErrorException("NoSuchKey", $"The object {key} does not exist.", exception);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            throw new FunctionErrorException("PreconditionFailed", $"The object {key} changed while it was being read.", exception);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.Forbidden)
        {
            throw new FunctionErrorException("AccessDenied", $"Access to {key} was denied: {exception.Message}", exception);
        }
    }
}
