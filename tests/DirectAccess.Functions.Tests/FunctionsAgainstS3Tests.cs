using System.Security.Cryptography;
using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using DirectAccess.Functions.Contracts;
using DirectAccess.Functions.Tests.Support;
using DirectAccess.Functions.Worker.Invocation;

namespace DirectAccess.Functions.Tests;

/// <summary>The app's functions against a real S3 endpoint (moto_server, or the one in DIRECTACCESS_TEST_S3_ENDPOINT).</summary>
[NonParallelizable]
public sealed class FunctionsAgainstS3Tests
{
    private const string Alice = "us-east-1:0000aaaa-1111-2222-3333-444455556666";
    private const string Bob = "us-east-1:0000bbbb-1111-2222-3333-444455556666";
    /// <summary>
    /// 64 MiB in the suite; set <c>DIRECTACCESS_TEST_LARGE_OBJECT_MIB=1024</c> to run the full 1 GiB case by hand
    /// (<c>dotnet test --filter ProcessUploadHashesALargeObject</c>).
    /// </summary>
    private static readonly long LargeObjectBytes =
        (long.TryParse(Environment.GetEnvironmentVariable("DIRECTACCESS_TEST_LARGE_OBJECT_MIB"), out var mebibytes) && mebibytes > 0 ? mebibytes : 64) * 1024 * 1024;

    /// <summary>What one ProcessUpload may allocate whatever the object's size: the hash streams through a fixed buffer.</summary>
    private const long AllocationBudgetBytes = 8 * 1024 * 1024;

    private static readonly FunctionsJsonContext Json = FunctionsJsonContext.Default;

    private S3TestEndpoint _endpoint = null!;
    private AmazonS3Client _s3 = null!;
    private string _bucket = null!;

    [OneTimeSetUp]
    public async Task StartS3Async()
    {
        _endpoint = await S3TestEndpoint.StartAsync();
        _s3 = _endpoint.CreateClient();
        _bucket = await CreateBucketAsync();
    }

    [OneTimeTearDown]
    public async Task StopS3Async()
    {
        _s3?.Dispose();
        if (_endpoint is not null)
        {
            await _endpoint.DisposeAsync();
        }
    }

    [Test]
    public async Task ProcessUploadHashesALargeObjectInBoundedMemoryAndWritesItsManifest()
    {
        var key = $"private/{Alice}/isos/large.bin";
        var expectedSha256 = await PutGeneratedObjectAsync(key, LargeObjectBytes);
        await PutAsync($"private/{Alice}/warm-up.txt", "warm");
        await using var host = InMemoryFunctionHost.Create(FunctionNames.ProcessUpload, _endpoint.FunctionSettings(_bucket));
        await ProcessAsync(host, $"private/{Alice}/warm-up.txt", Alice);

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var (error, receipt) = await ProcessAsync(host, key, Alice);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Assert.That(error, Is.Null, error?.ErrorMessage);
        Assert.Multiple(() =>
        {
            Assert.That(receipt!.Key, Is.EqualTo(key));
            Assert.That(receipt.Size, Is.EqualTo(LargeObjectBytes));
            Assert.That(receipt.Sha256, Is.EqualTo(expectedSha256));
            Assert.That(receipt.ContentType, Is.EqualTo("application/octet-stream"));
            Assert.That(receipt.ETag, Is.Not.Empty);
            Assert.That(receipt.Owner, Is.EqualTo(Alice));
            Assert.That(allocated, Is.LessThan(AllocationBudgetBytes), $"allocated {allocated} bytes while hashing {LargeObjectBytes}");
        });
        TestContext.Out.WriteLine($"ProcessUpload of {LargeObjectBytes} bytes allocated {allocated} bytes");

        using var manifestObject = await _s3.GetObjectAsync(_bucket, $"manifests/{Alice}/isos/large.bin.json");
        var manifest = await JsonSerializer.DeserializeAsync(manifestObject.ResponseStream, Json.UploadManifest);
        Assert.Multiple(() =>
        {
            Assert.That(manifest!.Receipt, Is.EqualTo(receipt));
            Assert.That(manifest.Bucket, Is.EqualTo(_bucket));
        });
    }

    [Test]
    public async Task TheRealExecutableProcessesAnUploadThroughTheRuntimeApiWithTheEnvironmentItIsGiven()
    {
        var key = $"private/{Alice}/via-process.txt";
        await PutAsync(key, "through the runtime api");
        await using var runtime = await FakeRuntimeApi.StartAsync();
        var settings = _endpoint.FunctionSettings(_bucket).ToDictionary(pair => pair.Key, pair => pair.Value!);
        await using var app = AppProcess.Start(runtime.Address, FunctionNames.ProcessUpload, settings);

        var post = await runtime.InvokeAsync(
            JsonSerializer.SerializeToUtf8Bytes(new ProcessUploadRequest(key), Json.ProcessUploadRequest),
            new FakeInvocation { CognitoIdentity = FakeInvocation.IdentityHeader(Alice, "us-east-1:00000000-0000-0000-0000-0000000000aa") },
            TimeSpan.FromSeconds(60));

        Assert.That(post.IsResponse, Is.True, System.Text.Encoding.UTF8.GetString(post.Body));
        var receipt = JsonSerializer.Deserialize(post.Body, Json.UploadReceipt)!;
        Assert.Multiple(() =>
        {
            Assert.That(receipt.Sha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData("through the runtime api"u8))));
            Assert.That(receipt.Owner, Is.EqualTo(Alice));
        });
    }

    [Test]
    public async Task ProcessUploadOfAnEmptyObjectHashesNothing()
    {
        await PutAsync($"private/{Alice}/empty.txt", string.Empty);
        await using var host = InMemoryFunctionHost.Create(FunctionNames.ProcessUpload, _endpoint.FunctionSettings(_bucket));

        var (error, receipt) = await ProcessAsync(host, $"private/{Alice}/empty.txt", Alice);

        Assert.That(error, Is.Null, error?.ErrorMessage);
        Assert.That(receipt!.Size, Is.Zero);
        Assert.That(receipt.Sha256, Is.EqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    [Test]
    public async Task ProcessUploadRefusesOtherPeoplesKeysAndCallersWithoutIdentity()
    {
        await PutAsync($"private/{Bob}/secret.txt", "bob's");
        await using var host = InMemoryFunctionHost.Create(FunctionNames.ProcessUpload, _endpoint.FunctionSettings(_bucket));

        var (othersKey, _) = await ProcessAsync(host, $"private/{Bob}/secret.txt", Alice);
        var (noIdentity, _) = await ProcessAsync(host, $"private/{Bob}/secret.txt", null);
        var (dotDot, _) = await ProcessAsync(host, $"private/{Alice}/../{Bob}/secret.txt", Alice);
        var (missing, _) = await ProcessAsync(host, $"private/{Alice}/never-uploaded.bin", Alice);

        Assert.Multiple(() =>
        {
            Assert.That(othersKey?.ErrorType, Is.EqualTo(FunctionErrorException.Forbidden));
            Assert.That(noIdentity?.ErrorType, Is.EqualTo(FunctionErrorException.Forbidden));
            Assert.That(dotDot?.ErrorType, Is.EqualTo(FunctionErrorException.InvalidRequest));
            Assert.That(missing?.ErrorType, Is.EqualTo("NoSuchKey"));
        });
        Assert.That(await ExistsAsync($"manifests/{Bob}/secret.txt.json"), Is.False, "no manifest for a refused key");
    }

    [Test]
    public async Task ShareFileReturnsAPresignedUrlThatFetchesTheObject()
    {
        var key = $"private/{Alice}/share/me.txt";
        await PutAsync(key, "shared content");
        await using var host = InMemoryFunctionHost.Create(FunctionNames.ShareFile, _endpoint.FunctionSettings(_bucket));
        var before = DateTime.UtcNow;

        var (error, shared) = await host.InvokeAsync(new ShareFileRequest(key, 600), Json.ShareFileRequest, Json.ShareFileResponse, InMemoryFunctionHost.Identity(Alice));

        Assert.That(error, Is.Null, error?.ErrorMessage);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        Assert.Multiple(async () =>
        {
            Assert.That(await http.GetStringAsync(new Uri(shared!.Url)), Is.EqualTo("shared content"));
            Assert.That(shared.Url, Does.Contain("X-Amz-Signature="));
            Assert.That(shared.ExpiresAt.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(shared.ExpiresAt, Is.EqualTo(before.AddSeconds(600)).Within(TimeSpan.FromSeconds(5)));
        });
    }

    [Test]
    public async Task ShareFileRefusesOtherPeoplesKeysAndBadLifetimes()
    {
        await PutAsync($"private/{Bob}/mine.txt", "bob's");
        await PutAsync($"private/{Alice}/ok.txt", "alice's");
        await using var host = InMemoryFunctionHost.Create(FunctionNames.ShareFile, _endpoint.FunctionSettings(_bucket));
        var alice = InMemoryFunctionHost.Identity(Alice);

        var (othersKey, _) = await host.InvokeAsync(new ShareFileRequest($"private/{Bob}/mine.txt", 60), Json.ShareFileRequest, Json.ShareFileResponse, alice);
        var (tooLong, _) = await host.InvokeAsync(new ShareFileRequest($"private/{Alice}/ok.txt", 604801), Json.ShareFileRequest, Json.ShareFileResponse, alice);
        var (zero, _) = await host.InvokeAsync(new ShareFileRequest($"private/{Alice}/ok.txt", 0), Json.ShareFileRequest, Json.ShareFileResponse, alice);
        var (defaulted, response) = await host.InvokeAsync(new ShareFileRequest($"private/{Alice}/ok.txt", null), Json.ShareFileRequest, Json.ShareFileResponse, alice);

        Assert.Multiple(() =>
        {
            Assert.That(othersKey?.ErrorType, Is.EqualTo(FunctionErrorException.Forbidden));
            Assert.That(tooLong?.ErrorType, Is.EqualTo(FunctionErrorException.InvalidRequest));
            Assert.That(zero?.ErrorType, Is.EqualTo(FunctionErrorException.InvalidRequest));
            Assert.That(defaulted, Is.Null);
            Assert.That(response!.ExpiresAt, Is.EqualTo(DateTime.UtcNow.AddSeconds(3600)).Within(TimeSpan.FromSeconds(5)));
        });
    }

    [Test]
    public async Task AdminReportCountsObjectsAndBytesPerIdentityPrefix()
    {
        var bucket = await CreateBucketAsync();
        await PutAsync($"private/{Alice}/a.txt", "abc", bucket);
        await PutAsync($"private/{Alice}/dir/b.txt", "defgh", bucket);
        await PutAsync($"private/{Bob}/c.txt", "ijklmno", bucket);
        await PutAsync("public/ignored.txt", "not private", bucket);
        await using var host = InMemoryFunctionHost.Create(FunctionNames.AdminReport, _endpoint.FunctionSettings(bucket));

        var (error, report) = await host.InvokeAsync(new AdminReportRequest(), Json.AdminReportRequest, Json.AdminReportResponse, InMemoryFunctionHost.Identity(Alice));
        var (anonymous, _) = await host.InvokeAsync(new AdminReportRequest(), Json.AdminReportRequest, Json.AdminReportResponse, null);

        Assert.That(error, Is.Null, error?.ErrorMessage);
        Assert.Multiple(() =>
        {
            Assert.That(report!.Bucket, Is.EqualTo(bucket));
            Assert.That(report.Prefixes, Is.EqualTo(new[]
            {
                new PrefixUsage($"private/{Alice}/", 2, 8),
                new PrefixUsage($"private/{Bob}/", 1, 7),
            }));
            Assert.That(report.TotalObjects, Is.EqualTo(3));
            Assert.That(report.TotalBytes, Is.EqualTo(15));
            Assert.That(anonymous?.ErrorType, Is.EqualTo(FunctionErrorException.Forbidden));
        });
    }

    private static Task<(FunctionError? Error, UploadReceipt? Receipt)> ProcessAsync(InMemoryFunctionHost host, string key, string? identityId) =>
        host.InvokeAsync(
            new ProcessUploadRequest(key),
            Json.ProcessUploadRequest,
            Json.UploadReceipt,
            identityId is null ? null : InMemoryFunctionHost.Identity(identityId));

    private async Task<string> CreateBucketAsync()
    {
        var bucket = $"directaccess-test-{Guid.NewGuid():N}"[..40];
        await _s3.PutBucketAsync(bucket);
        return bucket;
    }

    private Task PutAsync(string key, string content, string? bucket = null) =>
        _s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket ?? _bucket, Key = key, ContentBody = content, ContentType = "text/plain" });

    private async Task<bool> ExistsAsync(string key)
    {
        try
        {
            await _s3.GetObjectMetadataAsync(_bucket, key);
            return true;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>Writes <paramref name="size"/> deterministic pseudo-random bytes to a temp file, uploads it, and returns its SHA-256.</summary>
    private async Task<string> PutGeneratedObjectAsync(string key, long size)
    {
        var path = Path.Combine(Path.GetTempPath(), $"directaccess-functions-{Guid.NewGuid():N}.bin");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = File.Create(path))
            {
                var random = new Random(42);
                var chunk = new byte[1024 * 1024];
                for (long written = 0; written < size; written += chunk.Length)
                {
                    random.NextBytes(chunk);
                    hash.AppendData(chunk);
                    await file.WriteAsync(chunk);
                }
            }

            await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _bucket, Key = key, FilePath = path, ContentType = "application/octet-stream" });
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
