using System.Globalization;
using System.Security.Cryptography;
using DirectAccess.Local.S3.Model;
using DirectAccess.Local.S3.Protocol;
using DirectAccess.Local.S3.Routing;
using DirectAccess.Local.S3.Security;
using DirectAccess.Local.S3.Storage;

namespace DirectAccess.Local.S3.Operations;

/// <summary>
/// CreateMultipartUpload, UploadPart, CompleteMultipartUpload and AbortMultipartUpload (S3 API reference). Parts are
/// stored as committed files; completion makes them the object's segments in one transaction (no data is copied), so
/// a crash before that commit leaves the upload in progress and no object visible.
/// </summary>
public sealed class MultipartUploadOperations(
    UploadCatalog uploads,
    S3DataDirectory directory,
    BodyReceiver receiver,
    S3Authorization authorization,
    TimeProvider clock)
{
    /// <summary>CreateMultipartUpload: <c>s3:PutObject</c>; stores headers/metadata and the checksum algorithm.</summary>
    public async Task CreateAsync(S3Request request)
    {
        authorization.RequireOnObject(request, "s3:PutObject");
        var algorithm = ChecksumRequest.ParseAlgorithmHeader(request.Http.Headers);
        var checksumType = ParseChecksumType(request.Header("x-amz-checksum-type"), algorithm);
        var upload = new MultipartUpload(NewUploadId(), request.BucketName, request.ObjectKey, Now(),
            ObjectHeaderMapper.FromRequest(request.Http.Headers), algorithm, checksumType, request.Caller.CallerArn);
        await uploads.CreateAsync(upload);
        if (algorithm is not null)
        {
            request.Response.Headers["x-amz-checksum-algorithm"] = algorithm;
            request.Response.Headers["x-amz-checksum-type"] = checksumType;
        }

        await XmlResponse.WriteAsync(request.Response, "InitiateMultipartUploadResult", xml =>
        {
            xml.WriteElementString("Bucket", upload.Bucket);
            xml.WriteElementString("Key", upload.Key);
            xml.WriteElementString("UploadId", upload.UploadId);
        });
    }

    /// <summary>UploadPart: <c>s3:PutObject</c>; part numbers 1–10,000; a re-sent number replaces the earlier part.</summary>
    public async Task UploadPartAsync(S3Request request)
    {
        authorization.RequireOnObject(request, "s3:PutObject");
        var partNumberText = request.Query("partNumber") ?? "";
        if (!int.TryParse(partNumberText, NumberStyles.None, CultureInfo.InvariantCulture, out var partNumber)
            || partNumber is < 1 or > S3Limits.MaxPartNumber)
        {
            throw S3Errors.InvalidArgument("Part number must be an integer between 1 and 10000, inclusive", "partNumber", partNumberText);
        }

        var upload = uploads.Get(request.BucketName, request.ObjectKey, request.Query("uploadId")!);
        var checksum = ChecksumRequest.Parse(request.Http.Headers, upload.ChecksumAlgorithm);
        var contentMd5 = ContentMd5.Parse(request.Header("Content-MD5"));
        using var body = await receiver.ReceiveAsync(request.Payload, checksum, contentMd5, S3Limits.MaxSingleUpload, request.Aborted);
        var blob = body.CommitTo(directory);
        var part = new UploadedPart(partNumber, blob, body.Length, body.ETag, Now(), body.Checksum?.Value);
        string? replaced;
        try
        {
            replaced = await uploads.PutPartAsync(upload, part);
        }
        catch
        {
            directory.Delete([blob]);
            throw;
        }

        if (replaced is not null)
        {
            directory.Delete([replaced]);
        }

        request.Response.StatusCode = 200;
        request.Response.Headers.ETag = HttpFormats.QuoteETag(part.ETag);
        if (body.Checksum is { } stored)
        {
            request.Response.Headers[DirectAccess.Checksums.ChecksumAlgorithms.HeaderName(stored.Algorithm)] = stored.Value;
        }
    }

    /// <summary>
    /// CompleteMultipartUpload: <c>s3:PutObject</c>; body <c>&lt;CompleteMultipartUpload&gt;&lt;Part&gt;…</c>; honours
    /// <c>If-None-Match: *</c> / <c>If-Match</c>.
    /// </summary>
    public async Task CompleteAsync(S3Request request)
    {
        authorization.RequireOnObject(request, "s3:PutObject");
        var upload = uploads.Get(request.BucketName, request.ObjectKey, request.Query("uploadId")!);
        var condition = WriteCondition.FromHeaders(request.Http.Headers);
        var requested = ParseParts(await RequestXml.ReadBytesAsync(request), upload.ChecksumAlgorithm);
        var fullObjectChecksum = upload.ChecksumAlgorithm is null
            ? null
            : request.Header(DirectAccess.Checksums.ChecksumAlgorithms.HeaderName(upload.ChecksumAlgorithm));
        var now = Now();
        var (stored, unreferenced) = await uploads.CompleteAsync(upload,
            parts => PartAssembler.Assemble(upload, requested, parts, now, fullObjectChecksum), condition);
        directory.Delete(unreferenced);

        var location = $"{request.Http.Scheme}://{request.Http.Host}/{request.BucketName}/{ListObjectsOperation.UrlEncode(request.ObjectKey)}";
        await XmlResponse.WriteAsync(request.Response, "CompleteMultipartUploadResult", xml =>
        {
            xml.WriteElementString("Location", location);
            xml.WriteElementString("Bucket", stored.Bucket);
            xml.WriteElementString("Key", stored.Key);
            xml.WriteElementString("ETag", HttpFormats.QuoteETag(stored.ETag));
            if (stored.Checksum is { } checksum)
            {
                xml.WriteElementString(checksum.ElementName, checksum.Value);
                xml.WriteElementString("ChecksumType", checksum.Type);
            }
        });
    }

    /// <summary>AbortMultipartUpload: <c>s3:AbortMultipartUpload</c>; removes the upload and its parts; 204.</summary>
    public async Task AbortAsync(S3Request request)
    {
        authorization.RequireOnObject(request, "s3:AbortMultipartUpload");
        var upload = uploads.Get(request.BucketName, request.ObjectKey, request.Query("uploadId")!);
        directory.Delete(await uploads.AbortAsync(upload));
        request.Response.StatusCode = 204;
    }

    /// <summary>
    /// <c>x-amz-checksum-type</c>: <c>COMPOSITE</c> (default with an algorithm) or <c>FULL_OBJECT</c> (CRC32 and CRC32C
    /// only, as in S3).
    /// </summary>
    private static string? ParseChecksumType(string? header, string? algorithm)
    {
        if (header is null)
        {
            return algorithm is null ? null : ObjectChecksum.Composite;
        }

        var type = header.ToUpperInvariant();
        if (algorithm is null)
        {
            throw S3Errors.InvalidRequest("The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.");
        }

        return type switch
        {
            ObjectChecksum.Composite => type,
            ObjectChecksum.FullObject when algorithm is "CRC32" or "CRC32C" => type,
            ObjectChecksum.FullObject => throw S3Errors.InvalidRequest(
                $"The FULL_OBJECT checksum type cannot be used with the {algorithm.ToLowerInvariant()} checksum algorithm."),
            _ => throw S3Errors.InvalidRequest("Value for x-amz-checksum-type header is invalid."),
        };
    }

    private static List<RequestedPart> ParseParts(byte[] body, string? algorithm)
    {
        var root = RequestXml.Parse(body);
        if (root.Name.LocalName != "CompleteMultipartUpload")
        {
            throw S3Errors.MalformedXml();
        }

        var parts = new List<RequestedPart>();
        foreach (var part in root.Children("Part"))
        {
            if (!int.TryParse(part.ChildText("PartNumber"), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                || part.ChildText("ETag") is not { } etag)
            {
                throw S3Errors.MalformedXml();
            }

            var checksum = algorithm is null ? null : part.ChildText(ObjectChecksum.ElementFor(algorithm));
            parts.Add(new RequestedPart(number, HttpFormats.UnquoteETag(etag), checksum));
        }

        return parts.Count is 0 or > S3Limits.MaxPartNumber ? throw S3Errors.MalformedXml() : parts;
    }

    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>An opaque, unguessable upload id (URL-safe Base64 of 32 random bytes).</summary>
    private static string NewUploadId() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
}
