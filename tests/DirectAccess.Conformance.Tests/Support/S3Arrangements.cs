using System.Net;
using Amazon.S3;
using Amazon.S3.Model;

namespace DirectAccess.Conformance.Tests.Support;

/// <summary>Arranges S3 state and inspects it as the administrator (who IAM always allows), around a caller's request.</summary>
public sealed class S3Arrangements(IAmazonS3 admin)
{
    public async Task PutAsync(string bucket, string key, string content) =>
        await admin.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = content });

    public async Task DeleteAsync(string bucket, string key) => await admin.DeleteObjectAsync(bucket, key);

    /// <summary>The object's content, or null when there is no such object.</summary>
    public async Task<string?> ReadAsync(string bucket, string key)
    {
        try
        {
            using var response = await admin.GetObjectAsync(bucket, key);
            using var reader = new StreamReader(response.ResponseStream);
            return await reader.ReadToEndAsync();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Starts a multipart upload of <paramref name="key"/>, with one small part when <paramref name="withPart"/>; returns its upload id.</summary>
    public async Task<string> StartUploadAsync(string bucket, string key, bool withPart = false)
    {
        var uploadId = (await admin.InitiateMultipartUploadAsync(bucket, key)).UploadId;
        if (withPart)
        {
            using var body = new MemoryStream("one small part"u8.ToArray());
            await admin.UploadPartAsync(new UploadPartRequest { BucketName = bucket, Key = key, UploadId = uploadId, PartNumber = 1, InputStream = body });
        }

        return uploadId;
    }

    /// <summary>Whether the upload is still in progress (ListParts answers rather than <c>NoSuchUpload</c>).</summary>
    public async Task<bool> UploadExistsAsync(string bucket, string key, string uploadId)
    {
        try
        {
            await admin.ListPartsAsync(new ListPartsRequest { BucketName = bucket, Key = key, UploadId = uploadId });
            return true;
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchUpload")
        {
            return false;
        }
    }

    public async Task AbortAsync(string bucket, string key, string uploadId) =>
        await admin.AbortMultipartUploadAsync(bucket, key, uploadId);

    /// <summary>Whether the bucket is still there and listable.</summary>
    public async Task<bool> BucketExistsAsync(string bucket)
    {
        try
        {
            await admin.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, MaxKeys = 1 });
            return true;
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucket")
        {
            return false;
        }
    }
}
