using DirectAccess.Local.S3.Model;
using DirectAccess.Local.S3.Protocol;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.S3.Operations;

/// <summary>
/// Conditional reads (RFC 7232 as S3 documents them for GetObject/HeadObject and, with <c>x-amz-copy-source-if-*</c>,
/// CopyObject): <c>If-Match</c> wins over <c>If-Unmodified-Since</c> and <c>If-None-Match</c> over
/// <c>If-Modified-Since</c>; a failed match is 412, an unchanged object 304. Dates compare at whole seconds.
/// </summary>
public static class Preconditions
{
    /// <summary>The outcome of evaluating the conditions.</summary>
    public enum Outcome
    {
        /// <summary>Serve the object.</summary>
        Proceed,

        /// <summary>304 Not Modified.</summary>
        NotModified,
    }

    /// <summary>Evaluates GetObject/HeadObject conditions.</summary>
    /// <exception cref="S3Exception">412 <c>PreconditionFailed</c>.</exception>
    public static Outcome Evaluate(IHeaderDictionary headers, StoredObject stored) =>
        Evaluate(headers, stored, "If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since");

    /// <summary>Evaluates CopyObject's <c>x-amz-copy-source-if-*</c> conditions (S3 answers 412 for every failure).</summary>
    /// <exception cref="S3Exception">412 <c>PreconditionFailed</c>.</exception>
    public static void EvaluateCopySource(IHeaderDictionary headers, StoredObject source)
    {
        var outcome = Evaluate(headers, source, "x-amz-copy-source-if-match", "x-amz-copy-source-if-none-match",
            "x-amz-copy-source-if-modified-since", "x-amz-copy-source-if-unmodified-since");
        if (outcome == Outcome.NotModified)
        {
            throw S3Errors.PreconditionFailed("x-amz-copy-source-If-None-Match");
        }
    }

    private static Outcome Evaluate(IHeaderDictionary headers, StoredObject stored,
        string ifMatchName, string ifNoneMatchName, string ifModifiedSinceName, string ifUnmodifiedSinceName)
    {
        var lastModified = HttpFormats.ToSeconds(stored.LastModified);
        var ifMatch = headers[ifMatchName].ToString();
        if (ifMatch.Length > 0)
        {
            if (!Matches(ifMatch, stored.ETag))
            {
                throw S3Errors.PreconditionFailed(ifMatchName);
            }
        }
        else if (HttpFormats.ParseHttpDate(headers[ifUnmodifiedSinceName].ToString()) is { } unmodifiedSince
                 && lastModified > HttpFormats.ToSeconds(unmodifiedSince))
        {
            throw S3Errors.PreconditionFailed(ifUnmodifiedSinceName);
        }

        var ifNoneMatch = headers[ifNoneMatchName].ToString();
        if (ifNoneMatch.Length > 0)
        {
            return Matches(ifNoneMatch, stored.ETag) ? Outcome.NotModified : Outcome.Proceed;
        }

        return HttpFormats.ParseHttpDate(headers[ifModifiedSinceName].ToString()) is { } modifiedSince
               && lastModified <= HttpFormats.ToSeconds(modifiedSince)
            ? Outcome.NotModified
            : Outcome.Proceed;
    }

    /// <summary>True when a comma-separated ETag list (or <c>*</c>) contains <paramref name="etag"/>.</summary>
    private static bool Matches(string list, string etag) =>
        list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => candidate == "*" || HttpFormats.UnquoteETag(candidate) == etag);
}
