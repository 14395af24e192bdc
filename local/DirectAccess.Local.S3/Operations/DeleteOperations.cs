using DirectAccess.Checksums;
using DirectAccess.Local.S3.Protocol;
using DirectAccess.Local.S3.Routing;
using DirectAccess.Local.S3.Security;
using DirectAccess.Local.S3.Storage;

namespace DirectAccess.Local.S3.Operations;

/// <summary>
/// DeleteObject and DeleteObjects (S3 API reference). Deleting a missing key succeeds (204 / listed as deleted), as in
/// S3. DeleteObjects authorizes <c>s3:DeleteObject</c> per key and reports denials per key.
/// </summary>
public sealed class DeleteOperations(ObjectCatalog objects, S3DataDirectory directory, S3Authorization authorization)
{
    /// <summary>DeleteObject: <c>s3:DeleteObject</c> on the object; 204.</summary>
    public async Task DeleteObjectAsync(S3Request request)
    {
        authorization.RequireOnObject(request, "s3:DeleteObject");
        ObjectReadOperations.RejectVersionId(request);
        await DeleteAsync(request.BucketName, request.ObjectKey);
        request.Response.StatusCode = 204;
    }

    /// <summary>
    /// DeleteObjects: XML <c>&lt;Delete&gt;&lt;Object&gt;&lt;Key/&gt;&lt;/Object&gt;…&lt;Quiet/&gt;&lt;/Delete&gt;</c>, at most 1,000
    /// keys; the body must carry <c>Content-MD5</c> or an <c>x-amz-checksum-*</c> header, which is verified.
    /// </summary>
    public async Task DeleteObjectsAsync(S3Request request)
    {
        var body = await RequestXml.ReadBytesAsync(request);
        VerifyIntegrityHeader(request, body);
        var root = RequestXml.Parse(body);
        if (root.Name.LocalName != "Delete")
        {
            throw S3Errors.MalformedXml();
        }

        var quiet = string.Equals(root.ChildText("Quiet"), "true", StringComparison.OrdinalIgnoreCase);
        var entries = root.Children("Object").Select(o => (Key: o.ChildText("Key"), VersionId: o.ChildText("VersionId"))).ToArray();
        if (entries.Length is 0 or > S3Limits.MaxKeys || entries.Any(e => string.IsNullOrEmpty(e.Key)))
        {
            throw S3Errors.MalformedXml();
        }

        var deleted = new List<string>();
        var errors = new List<(string Key, string Code, string Message)>();
        foreach (var (key, versionId) in entries)
        {
            var resource = S3Authorization.ObjectArn(request.BucketName, key!);
            if (versionId is not null && versionId != "null")
            {
                errors.Add((key!, "NoSuchVersion", "The specified version does not exist."));
            }
            else if (!authorization.IsAllowed(request, "s3:DeleteObject", resource))
            {
                errors.Add((key!, "AccessDenied", "Access Denied"));
            }
            else
            {
                await DeleteAsync(request.BucketName, key!);
                deleted.Add(key!);
            }
        }

        await XmlResponse.WriteAsync(request.Response, "DeleteResult", xml =>
        {
            if (!quiet)
            {
                foreach (var key in deleted)
                {
                    xml.WriteStartElement("Deleted");
                    xml.WriteElementString("Key", key);
                    xml.WriteEndElement();
                }
            }

            foreach (var (key, code, message) in errors)
            {
                xml.WriteStartElement("Error");
                xml.WriteElementString("Key", key);
                xml.WriteElementString("Code", code);
                xml.WriteElementString("Message", message);
                xml.WriteEndElement();
            }
        });
    }

    private async Task DeleteAsync(string bucket, string key)
    {
        if (await objects.DeleteAsync(bucket, key) is { } removed)
        {
            directory.Delete(removed.Segments.Select(s => s.Blob));
        }
    }

    /// <summary>DeleteObjects requires a body digest (S3: "Content-MD5 or x-amz-checksum-* is required").</summary>
    private static void VerifyIntegrityHeader(S3Request request, byte[] body)
    {
        var contentMd5 = ContentMd5.Parse(request.Header("Content-MD5"));
        if (contentMd5 is not null)
        {
            if (!System.Security.Cryptography.MD5.HashData(body).AsSpan().SequenceEqual(contentMd5))
            {
                throw S3Errors.BadContentMd5();
            }

            return;
        }

        var checksum = ChecksumRequest.Parse(request.Http.Headers);
        if (checksum.Algorithm is null)
        {
            throw S3Errors.InvalidRequest("Missing required header for this request: Content-MD5 or x-amz-checksum-*");
        }

        var computed = ChecksumAlgorithms.Create(checksum.Algorithm);
        computed.Append(body);
        var expected = checksum.ExpectedBase64
            ?? (checksum.TrailerName is not null && request.Payload.Trailers.TryGetValue(checksum.TrailerName, out var trailer) ? trailer : null);
        if (expected != computed.GetBase64AndReset())
        {
            throw S3Errors.BadChecksum(checksum.Algorithm);
        }
    }
}
