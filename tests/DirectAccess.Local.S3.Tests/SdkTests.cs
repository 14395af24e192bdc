using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using DirectAccess.Local.S3.Tests.Support;
using DirectAccess.Testing;

namespace DirectAccess.Local.S3.Tests;

/// <summary>AWSSDK.S3 4.0.104.10 against the local cloud, with its defaults (aws-chunked + CRC32 trailer, checksum validation).</summary>
public sealed class SdkTests : S3TestBase
{
    private const int MiB = 1024 * 1024;

    [SetUp]
    public void RealCloudOnly() => Target.RequireRealCloud();

    [Test]
    public async Task PutObjectWithDefaultTrailerChecksumAndValidatedGet()
    {
        using var s3 = Target.Sdk(Target.Alice);
        var key = Target.Alice.PrivatePrefix + $"sdk-{Guid.NewGuid():N}.bin";
        var body = RandomBytes(3 * MiB + 17);
        var put = await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Target.Bucket,
            Key = key,
            InputStream = new MemoryStream(body),
            ContentType = "application/x-test",
            Metadata = { ["purpose"] = "sdk" },
        });
        Assert.That(put.ETag.Trim('"'), Is.EqualTo(Md5Hex(body)));
        Assert.That(put.ChecksumCRC32, Is.Not.Null.And.Not.Empty, "the SDK sends a CRC32 trailer by default and S3 echoes it");

        using var get = await s3.GetObjectAsync(new GetObjectRequest { BucketName = Target.Bucket, Key = key, ChecksumMode = ChecksumMode.ENABLED });
        using var copy = new MemoryStream();
        await get.ResponseStream.CopyToAsync(copy);
        Assert.Multiple(() =>
        {
            Assert.That(copy.ToArray(), Is.EqualTo(body));
            Assert.That(get.ChecksumCRC32, Is.EqualTo(put.ChecksumCRC32));
            Assert.That(get.Headers.ContentType, Is.EqualTo("application/x-test"));
            Assert.That(get.Metadata["x-amz-meta-purpose"], Is.EqualTo("sdk"));
        });
    }

    // CRC32C needs AWSSDK.Extensions.CrtIntegration on the client side, which the registry here lacks.
    [TestCase("SHA256")]
    [TestCase("SHA1")]
    public async Task PutObjectWithOtherAlgorithms(string algorithm)
    {
        using var s3 = Target.Sdk(Target.Admin);
        var key = NewPrefix() + "k";
        var body = RandomBytes(200_000);
        var put = await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Target.Bucket,
            Key = key,
            InputStream = new MemoryStream(body),
            ChecksumAlgorithm = new ChecksumAlgorithm(algorithm),
        });
        var head = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = Target.Bucket, Key = key, ChecksumMode = ChecksumMode.ENABLED });
        var stored = algorithm switch { "CRC32C" => head.ChecksumCRC32C, "SHA256" => head.ChecksumSHA256, _ => head.ChecksumSHA1 };
        var sent = algorithm switch { "CRC32C" => put.ChecksumCRC32C, "SHA256" => put.ChecksumSHA256, _ => put.ChecksumSHA1 };
        Assert.That(stored, Is.EqualTo(sent).And.Not.Null);
    }

    [Test]
    public async Task TransferUtilityUploadsAndDownloads128MiBByteIdentical()
    {
        using var dir = new TempDirectory("directaccess-s3-sdk");
        var source = Path.Combine(dir.Path, "source.bin");
        var target = Path.Combine(dir.Path, "download.bin");
        await WriteRandomFileAsync(source, 128L * MiB);
        var key = Target.Alice.PrivatePrefix + $"transfer-{Guid.NewGuid():N}.bin";

        using var s3 = Target.Sdk(Target.Alice);
        using var transfer = new TransferUtility(s3, new TransferUtilityConfig { ConcurrentServiceRequests = 4 });
        await transfer.UploadAsync(new TransferUtilityUploadRequest
        {
            BucketName = Target.Bucket,
            Key = key,
            FilePath = source,
            PartSize = 8 * MiB,
        });
        var head = await s3.GetObjectMetadataAsync(Target.Bucket, key);
        Assert.That(head.ETag.Trim('"'), Does.EndWith("-16"), "uploaded as 16 parts");
        Assert.That(head.ContentLength, Is.EqualTo(128L * MiB));

        await transfer.DownloadAsync(new TransferUtilityDownloadRequest { BucketName = Target.Bucket, Key = key, FilePath = target });
        Assert.That(await HashFileAsync(target), Is.EqualTo(await HashFileAsync(source)));
    }

    [Test]
    public async Task ListObjectsV2PaginatesThroughTheSdk()
    {
        using var s3 = Target.Sdk(Target.Admin);
        var prefix = NewPrefix();
        for (var i = 0; i < 12; i++)
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = Target.Bucket, Key = $"{prefix}{i:D2}", ContentBody = "x" });
        }

        var keys = new List<string>();
        var paginator = s3.Paginators.ListObjectsV2(new ListObjectsV2Request { BucketName = Target.Bucket, Prefix = prefix, MaxKeys = 5 });
        await foreach (var item in paginator.S3Objects)
        {
            keys.Add(item.Key);
        }

        Assert.That(keys, Is.EqualTo(Enumerable.Range(0, 12).Select(i => $"{prefix}{i:D2}")));
    }

    [Test]
    public async Task DeleteObjectsAndCopyObjectThroughTheSdk()
    {
        using var s3 = Target.Sdk(Target.Admin);
        var prefix = NewPrefix();
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = Target.Bucket, Key = prefix + "a", ContentBody = "alpha" });
        await s3.CopyObjectAsync(new CopyObjectRequest
        {
            SourceBucket = Target.Bucket,
            SourceKey = prefix + "a",
            DestinationBucket = Target.Bucket,
            DestinationKey = prefix + "b",
        });
        using (var copied = await s3.GetObjectAsync(Target.Bucket, prefix + "b"))
        using (var reader = new StreamReader(copied.ResponseStream))
        {
            Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("alpha"));
        }

        var deleted = await s3.DeleteObjectsAsync(new DeleteObjectsRequest
        {
            BucketName = Target.Bucket,
            Objects = [new KeyVersion { Key = prefix + "a" }, new KeyVersion { Key = prefix + "b" }],
        });
        Assert.That(deleted.DeletedObjects.Select(d => d.Key), Is.EquivalentTo(new[] { prefix + "a", prefix + "b" }));
        var error = Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectMetadataAsync(Target.Bucket, prefix + "a"));
        Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task SdkSeesAccessDeniedForAnotherIdentitysPrefix()
    {
        using var s3 = Target.Sdk(Target.Alice);
        var error = Assert.ThrowsAsync<AmazonS3Exception>(() => s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Target.Bucket,
            Key = Target.Erin.PrivatePrefix + "intruder.txt",
            ContentBody = "no",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(error.ErrorCode, Is.EqualTo("AccessDenied"));
            Assert.That(error.Message, Does.Contain("is not authorized to perform: s3:PutObject"));
        });
        await Task.CompletedTask;
    }

    [Test]
    public async Task PresignedGetUrlWorksWithCurl()
    {
        var curl = OutsideTools.Require("curl");
        using var s3 = Target.Sdk(Target.Alice);
        var key = Target.Alice.PrivatePrefix + $"presigned-{Guid.NewGuid():N}.bin";
        var body = RandomBytes(1 * MiB + 5);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = Target.Bucket, Key = key, InputStream = new MemoryStream(body) });
        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = Target.Bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Protocol = Amazon.S3.Protocol.HTTP,
        });

        using var dir = new TempDirectory("directaccess-s3-curl");
        var output = Path.Combine(dir.Path, "out.bin");
        var (exit, stderr) = await RunAsync(curl, ["-sS", "-f", "-o", output, url]);
        Assert.That(exit, Is.EqualTo(0), stderr);
        Assert.That(await File.ReadAllBytesAsync(output), Is.EqualTo(body));

        var (tamperedExit, _) = await RunAsync(curl, ["-sS", "-f", "-o", output, url.Replace("presigned-", "presigned-x", StringComparison.Ordinal)]);
        Assert.That(tamperedExit, Is.Not.EqualTo(0), "a URL edited to name another key does not verify");
    }

    internal static async Task WriteRandomFileAsync(string path, long length)
    {
        var buffer = new byte[MiB];
        await using var file = File.Create(path);
        for (long written = 0; written < length; written += buffer.Length)
        {
            Random.Shared.NextBytes(buffer);
            await file.WriteAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length - written)));
        }
    }

    internal static async Task<byte[]> HashFileAsync(string path)
    {
        await using var file = File.OpenRead(path);
        return await SHA256.HashDataAsync(file);
    }

    internal static async Task<(int Exit, string Stderr)> RunAsync(string program, IEnumerable<string> arguments,
        IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stderr + await stdout);
    }
}
