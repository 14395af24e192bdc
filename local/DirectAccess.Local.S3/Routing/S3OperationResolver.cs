using DirectAccess.Local.S3.Protocol;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.S3.Routing;

/// <summary>
/// Maps method + address + sub-resource query parameters to an operation, as the S3 REST API defines them (botocore
/// <c>s3/2006-03-01</c> <c>http.requestUri</c>). Anything else is 501 <c>NotImplemented</c>, never a wrong guess.
/// </summary>
public static class S3OperationResolver
{
    // Sub-resources of S3 APIs this local S3 does not serve; a request naming one must not fall through to e.g. GetObject.
    private static readonly HashSet<string> UnsupportedSubresources = new(StringComparer.Ordinal)
    {
        "accelerate", "acl", "analytics", "attributes", "cors", "encryption", "intelligent-tiering", "inventory",
        "legal-hold", "lifecycle", "logging", "metadataConfiguration", "metadataTable", "metrics", "notification",
        "object-lock", "ownershipControls", "policy", "policyStatus", "publicAccessBlock", "renameObject", "replication",
        "requestPayment", "restore", "retention", "select", "session", "tagging", "torrent", "versioning", "versions",
        "website", "abac", "inventoryTable", "journalTable",
    };

    /// <summary>The operation for <paramref name="request"/> addressed at <paramref name="address"/>.</summary>
    /// <exception cref="S3Exception">501 <c>NotImplemented</c> for everything not listed in <see cref="S3Operation"/>.</exception>
    public static S3Operation Resolve(HttpRequest request, S3Address address)
    {
        var query = request.Query;
        var unsupported = query.Keys.FirstOrDefault(UnsupportedSubresources.Contains);
        if (unsupported is not null)
        {
            throw S3Errors.NotImplemented($"?{unsupported}");
        }

        var method = request.Method;
        if (address.Bucket is null)
        {
            return HttpMethods.IsGet(method) ? S3Operation.ListBuckets : throw S3Errors.NotImplemented($"{method} /");
        }

        if (address.Key is null)
        {
            return method switch
            {
                _ when HttpMethods.IsHead(method) => S3Operation.HeadBucket,
                _ when HttpMethods.IsGet(method) && query.ContainsKey("uploads") => S3Operation.ListMultipartUploads,
                _ when HttpMethods.IsGet(method) && query.ContainsKey("location") => S3Operation.GetBucketLocation,
                _ when HttpMethods.IsGet(method) && query["list-type"] == "2" => S3Operation.ListObjectsV2,
                _ when HttpMethods.IsPost(method) && query.ContainsKey("delete") => S3Operation.DeleteObjects,
                _ when HttpMethods.IsGet(method) => throw S3Errors.NotImplemented("ListObjects (version 1); use ListObjectsV2 (list-type=2)"),
                _ when HttpMethods.IsPut(method) || HttpMethods.IsDelete(method) => S3Operation.BucketAdministration,
                _ => throw S3Errors.NotImplemented($"{method} on a bucket"),
            };
        }

        var copy = request.Headers.ContainsKey("x-amz-copy-source");
        return method switch
        {
            _ when HttpMethods.IsPut(method) && query.ContainsKey("uploadId") && query.ContainsKey("partNumber") =>
                copy ? throw S3Errors.NotImplemented("UploadPartCopy") : S3Operation.UploadPart,
            _ when HttpMethods.IsPut(method) && query.ContainsKey("uploadId") => throw S3Errors.InvalidArgument(
                "Part number must be an integer between 1 and 10000, inclusive", "partNumber", ""),
            _ when HttpMethods.IsPut(method) => copy ? S3Operation.CopyObject : S3Operation.PutObject,
            _ when HttpMethods.IsGet(method) && query.ContainsKey("uploadId") => S3Operation.ListParts,
            _ when HttpMethods.IsGet(method) => S3Operation.GetObject,
            _ when HttpMethods.IsHead(method) => S3Operation.HeadObject,
            _ when HttpMethods.IsDelete(method) && query.ContainsKey("uploadId") => S3Operation.AbortMultipartUpload,
            _ when HttpMethods.IsDelete(method) => S3Operation.DeleteObject,
            _ when HttpMethods.IsPost(method) && query.ContainsKey("uploads") => S3Operation.CreateMultipartUpload,
            _ when HttpMethods.IsPost(method) && query.ContainsKey("uploadId") => S3Operation.CompleteMultipartUpload,
            _ => throw S3Errors.NotImplemented($"{method} on an object"),
        };
    }
}
