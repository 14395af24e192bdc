using System.Globalization;
using DirectAccess.Local.S3.Model;
using DirectAccess.Local.S3.Protocol;
using DirectAccess.Local.S3.Routing;
using DirectAccess.Local.S3.Security;
using DirectAccess.Local.S3.Storage;

namespace DirectAccess.Local.S3.Operations;

/// <summary>
/// GetObject and HeadObject (S3 API reference): conditional requests, <c>Range</c> (206 + Content-Range, 416),
/// <c>partNumber</c> of multipart objects, <c>response-*</c> overrides, checksums with <c>x-amz-checksum-mode</c>.
/// The body streams from the data files; nothing is buffered whole.
/// </summary>
public sealed class ObjectReadOperations(ObjectCatalog objects, S3DataDirectory directory, S3Authorization authorization)
{
    /// <summary>GetObject: <c>s3:GetObject</c> on the object.</summary>
    public Task GetObjectAsync(S3Request request) => ServeAsync(request, withBody: true);

    /// <summary>HeadObject: <c>s3:GetObject</c> on the object; same headers as GetObject, no body.</summary>
    public Task HeadObjectAsync(S3Request request) => ServeAsync(request, withBody: false);

    /// <summary>
    /// The object, or the error S3 gives for a missing key: 404 <c>NoSuchKey</c> when the caller may
    /// <c>s3:ListBucket</c> the bucket, else 403 (so a caller cannot probe for keys it cannot list).
    /// </summary>
    /// <exception cref="S3Exception">404 <c>NoSuchKey</c> or 403 <c>AccessDenied</c>.</exception>
    public static StoredObject FindOrExplain(ObjectCatalog objects, S3Authorization authorization, S3Request request, string bucket, string key)
    {
        if (objects.Find(bucket, key) is { } stored)
        {
            return stored;
        }

        if (authorization.IsAllowed(request, "s3:ListBucket", S3Authorization.BucketArn(bucket)))
        {
            throw S3Errors.NoSuchKey(key);
        }

        authorization.Require(request, "s3:ListBucket", S3Authorization.BucketArn(bucket));
        throw S3Errors.AccessDenied("Access Denied"); // unreachable: Require threw
    }

    /// <summary>Rejects a <c>versionId</c> other than <c>null</c>: buckets here are unversioned.</summary>
    /// <exception cref="S3Exception">400 <c>InvalidArgument</c>.</exception>
    public static void RejectVersionId(S3Request request)
    {
        var versionId = request.Query("versionId");
        if (versionId is not null && versionId != "null")
        {
            throw S3Errors.InvalidArgument("Invalid version id specified", "versionId", versionId);
        }
    }

    private async Task ServeAsync(S3Request request, bool withBody)
    {
        authorization.RequireOnObject(request, "s3:GetObject");
        RejectVersionId(request);
        var stored = FindOrExplain(objects, authorization, request, request.BucketName, request.ObjectKey);
        var response = request.Response;

        if (Preconditions.Evaluate(request.Http.Headers, stored) == Preconditions.Outcome.NotModified)
        {
            response.StatusCode = 304;
            response.Headers.ETag = HttpFormats.QuoteETag(stored.ETag);
            response.Headers.LastModified = HttpFormats.HttpDate(stored.LastModified);
            return;
        }

        var (range, partCount) = SelectRange(request, stored);
        using var content = withBody ? ObjectContent.Open(directory, stored) : null;

        ObjectHeaderMapper.WriteTo(response, stored, request.Http.Query);
        if (partCount is not null)
        {
            response.Headers["x-amz-mp-parts-count"] = partCount.Value.ToString(CultureInfo.InvariantCulture);
        }

        var (start, length) = range is null ? (0L, stored.Size) : (range.Start, range.Length);
        if (range is not null)
        {
            response.StatusCode = 206;
            response.Headers.ContentRange = range.ContentRange(stored.Size);
        }
        else
        {
            response.StatusCode = 200;
            if (ChecksumHeaders.Requested(request.Http))
            {
                // A checksum describes the whole object; S3 omits it for partial responses.
                ChecksumHeaders.Write(response, stored.Checksum);
            }
        }

        response.ContentLength = length;
        if (content is not null && length > 0)
        {
            await content.CopyToAsync(response.Body, start, length, request.Aborted);
        }
    }

    /// <summary>The byte range to serve (from <c>partNumber</c> or <c>Range</c>) and the part count to report.</summary>
    private static (ByteRange? Range, int? PartCount) SelectRange(S3Request request, StoredObject stored)
    {
        var partNumberText = request.Query("partNumber");
        if (partNumberText is null)
        {
            return (ByteRange.Parse(request.Header("Range"), stored.Size), null);
        }

        if (request.Header("Range") is not null)
        {
            throw S3Errors.InvalidRequest("Cannot specify both Range header and partNumber query parameter");
        }

        if (!int.TryParse(partNumberText, NumberStyles.None, CultureInfo.InvariantCulture, out var partNumber) || partNumber is < 1 or > 10000)
        {
            throw S3Errors.InvalidArgument("Part number must be an integer between 1 and 10000, inclusive", "partNumber", partNumberText);
        }

        if (stored.PartCount is not { } parts)
        {
            return partNumber == 1 ? (null, null) : throw new S3Exception(416, "InvalidPartNumber", "The requested partnumber is not satisfiable");
        }

        if (partNumber > stored.Segments.Count)
        {
            throw new S3Exception(416, "InvalidPartNumber", "The requested partnumber is not satisfiable");
        }

        var start = stored.Segments.Take(partNumber - 1).Sum(s => s.Length);
        var length = stored.Segments[partNumber - 1].Length;
        return (length == 0 ? null : new ByteRange(start, length), parts);
    }
}
