using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using DirectAccess.Conformance.Tests.Support;

namespace DirectAccess.Conformance.Tests.Matrix;

/// <summary>
/// Performs a matrix row's S3 action as the caller, with the S3 call that IAM authorizes as that action
/// (REFERENCE §5). Objects and uploads the call needs are arranged first (as the administrator, in our bucket only),
/// so an allowed call really succeeds and its effect can be checked.
/// </summary>
public sealed class S3RowRequests(IAmazonS3 caller, S3Arrangements admin, string ourBucket, string rowId)
{
    public Task<RowRun> PutObjectAsync(S3Target target)
    {
        var content = $"written by {rowId}";
        return RunAsync(
            arrange: () => admin.DeleteAsync(target.Bucket, target.RequiredKey),
            request: async () => (await caller.PutObjectAsync(new PutObjectRequest { BucketName = target.Bucket, Key = target.RequiredKey, ContentBody = content })).HttpStatusCode,
            tookEffect: async () => Assert.That(await admin.ReadAsync(target.Bucket, target.RequiredKey), Is.EqualTo(content), "the object as stored"),
            changedNothing: async () => Assert.That(await admin.ReadAsync(target.Bucket, target.RequiredKey), Is.Null, "a refused PutObject stored an object"),
            target);
    }

    public Task<RowRun> GetObjectAsync(S3Target target)
    {
        var content = $"arranged for {rowId} {Guid.NewGuid():N}";
        string? read = null;
        return RunAsync(
            arrange: () => admin.PutAsync(target.Bucket, target.RequiredKey, content),
            request: async () =>
            {
                using var response = await caller.GetObjectAsync(target.Bucket, target.RequiredKey);
                using var reader = new StreamReader(response.ResponseStream);
                read = await reader.ReadToEndAsync();
                return response.HttpStatusCode;
            },
            tookEffect: () =>
            {
                Assert.That(read, Is.EqualTo(content), "the body read");
                return Task.CompletedTask;
            },
            changedNothing: RowRun.Nothing,
            target);
    }

    public Task<RowRun> DeleteObjectAsync(S3Target target)
    {
        var content = $"arranged for {rowId}";
        return RunAsync(
            arrange: () => admin.PutAsync(target.Bucket, target.RequiredKey, content),
            request: async () => (await caller.DeleteObjectAsync(target.Bucket, target.RequiredKey)).HttpStatusCode,
            tookEffect: async () => Assert.That(await admin.ReadAsync(target.Bucket, target.RequiredKey), Is.Null, "the object after DeleteObject"),
            changedNothing: async () => Assert.That(await admin.ReadAsync(target.Bucket, target.RequiredKey), Is.EqualTo(content), "a refused DeleteObject removed the object"),
            target);
    }

    public Task<RowRun> AbortMultipartUploadAsync(S3Target target)
    {
        var uploadId = "";
        return RunAsync(
            arrange: async () => uploadId = await admin.StartUploadAsync(target.Bucket, target.RequiredKey),
            request: async () => (await caller.AbortMultipartUploadAsync(target.Bucket, target.RequiredKey, uploadId)).HttpStatusCode,
            tookEffect: async () => Assert.That(await admin.UploadExistsAsync(target.Bucket, target.RequiredKey, uploadId), Is.False, "the upload after AbortMultipartUpload"),
            changedNothing: async () =>
            {
                Assert.That(await admin.UploadExistsAsync(target.Bucket, target.RequiredKey, uploadId), Is.True, "a refused AbortMultipartUpload ended the upload");
                await admin.AbortAsync(target.Bucket, target.RequiredKey, uploadId);
            },
            target);
    }

    public Task<RowRun> ListPartsAsync(S3Target target)
    {
        var uploadId = "";
        ListPartsResponse? listed = null;
        return RunAsync(
            arrange: async () => uploadId = await admin.StartUploadAsync(target.Bucket, target.RequiredKey, withPart: true),
            request: async () =>
            {
                listed = await caller.ListPartsAsync(new ListPartsRequest { BucketName = target.Bucket, Key = target.RequiredKey, UploadId = uploadId });
                return listed.HttpStatusCode;
            },
            tookEffect: () =>
            {
                Assert.That(listed?.Parts?.Select(p => p.PartNumber), Is.EqualTo(new int?[] { 1 }), "the parts listed");
                return Task.CompletedTask;
            },
            changedNothing: RowRun.Nothing,
            target);
    }

    public Task<RowRun> ListObjectsAsync(S3Target target, string? prefix, string? delimiter)
    {
        var marker = $"{prefix}listing-marker-{rowId}.txt";
        ListObjectsV2Response? listed = null;
        return RunAsync(
            arrange: () => admin.PutAsync(target.Bucket, marker, rowId),
            request: async () =>
            {
                listed = await caller.ListObjectsV2Async(new ListObjectsV2Request { BucketName = target.Bucket, Prefix = prefix, Delimiter = delimiter });
                return listed.HttpStatusCode;
            },
            tookEffect: () =>
            {
                Assert.That(listed?.S3Objects?.Select(o => o.Key), Does.Contain(marker), "the keys listed");
                return Task.CompletedTask;
            },
            changedNothing: RowRun.Nothing,
            target);
    }

    public Task<RowRun> ListMultipartUploadsAsync(S3Target target)
    {
        var uploadId = "";
        ListMultipartUploadsResponse? listed = null;
        return RunAsync(
            arrange: async () => uploadId = await admin.StartUploadAsync(target.Bucket, $"public/in-progress-{rowId}.bin"),
            request: async () =>
            {
                listed = await caller.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = target.Bucket });
                return listed.HttpStatusCode;
            },
            tookEffect: () =>
            {
                Assert.That(listed?.MultipartUploads?.Select(u => u.UploadId), Does.Contain(uploadId), "the uploads listed");
                return Task.CompletedTask;
            },
            changedNothing: RowRun.Nothing,
            target);
    }

    public Task<RowRun> DeleteBucketAsync(S3Target target) =>
        RunAsync(
            arrange: () => Task.CompletedTask,
            request: async () => (await caller.DeleteBucketAsync(target.Bucket)).HttpStatusCode,
            tookEffect: async () => Assert.That(await admin.BucketExistsAsync(target.Bucket), Is.False, "the bucket after DeleteBucket"),
            changedNothing: async () => Assert.That(await admin.BucketExistsAsync(target.Bucket), Is.True, "a refused DeleteBucket removed the bucket"),
            target);

    private async Task<RowRun> RunAsync(Func<Task> arrange, Func<Task<HttpStatusCode>> request, Func<Task> tookEffect, Func<Task> changedNothing, S3Target target)
    {
        var ours = target.Bucket == ourBucket;
        if (ours)
        {
            await arrange();
        }

        ServiceAnswer answer;
        try
        {
            answer = ServiceAnswer.Success(await request());
        }
        catch (AmazonS3Exception e)
        {
            answer = ServiceAnswer.From(e);
        }

        // Another bucket holds nothing we arranged, so there is nothing to inspect there.
        return ours ? new RowRun(answer, tookEffect, changedNothing) : new RowRun(answer, RowRun.Nothing, RowRun.Nothing);
    }
}
