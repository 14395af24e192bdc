using System.Net;
using System.Security.Cryptography;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using DirectAccess.Local.Auth.Tests.Support;
using DirectAccess.Local.Security;

namespace DirectAccess.Local.Auth.Tests;

/// <summary>
/// Requests signed by the AWS SDK for .NET (AWSSDK.S3 4.x, whose signer lives in AWSSDK.Core) must verify: an
/// implementation of SigV4 and of aws-chunked independent of ours.
/// </summary>
public sealed class AwsSdkS3Tests
{
    private AuthTestHost _host = null!;
    private readonly byte[] _data = RandomNumberGenerator.GetBytes(300_000);

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await AuthTestHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    private AmazonS3Client Client(CallerIdentity who, Action<AmazonS3Config>? configure = null)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = _host.Endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = TestKeys.Region,
            MaxErrorRetry = 0,
        };
        configure?.Invoke(config);
        AWSCredentials credentials = who.SessionToken is null
            ? new BasicAWSCredentials(who.AccessKeyId, who.SecretAccessKey)
            : new SessionAWSCredentials(who.AccessKeyId, who.SecretAccessKey, who.SessionToken);
        return new AmazonS3Client(credentials, config);
    }

    private Observation LastObservation => _host.Observations.Last();

    private string DataSha256 => TestSigner.Hex(SHA256.HashData(_data));

    [Test]
    public async Task PutObject_with_the_SDK_defaults_verifies_and_its_checksum_trailer_is_passed_through()
    {
        using var s3 = Client(TestKeys.Temporary);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "bucket", Key = "private/sdk/default.bin", InputStream = new MemoryStream(_data) });
        Assert.That((LastObservation.Length, LastObservation.Sha256), Is.EqualTo(((long)_data.Length, DataSha256)));
        TestContext.Out.WriteLine($"SDK default payload mode: {LastObservation.PayloadMode}; trailers: {string.Join(",", LastObservation.Trailers.Keys)}");
        Assert.That(LastObservation.PayloadMode, Does.StartWith("STREAMING-"));
        Assert.That(LastObservation.Trailers.Keys, Has.Some.StartsWith("x-amz-checksum-"));
    }

    [TestCase("SHA256")]
    [TestCase("SHA1")]
    public async Task PutObject_with_a_chosen_checksum_verifies(string algorithm)
    {
        using var s3 = Client(TestKeys.LongTerm);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = "bucket", Key = "k", InputStream = new MemoryStream(_data), ChecksumAlgorithm = new ChecksumAlgorithm(algorithm),
        });
        Assert.That(LastObservation.Sha256, Is.EqualTo(DataSha256));
        Assert.That(LastObservation.Trailers.Keys, Is.EquivalentTo(new[] { "x-amz-checksum-" + algorithm.ToLowerInvariant() }));
    }

    [Test]
    public async Task PutObject_without_chunk_encoding_sends_a_hex_payload_hash_that_verifies()
    {
        using var s3 = Client(TestKeys.Temporary);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "bucket", Key = "k", InputStream = new MemoryStream(_data), UseChunkEncoding = false });
        Assert.That(LastObservation.PayloadMode, Is.EqualTo(DataSha256));
    }

    [Test]
    public async Task PutObject_with_checksums_only_when_required_verifies()
    {
        using var s3 = Client(TestKeys.Temporary, c => c.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = "bucket", Key = "k", InputStream = new MemoryStream(_data) });
        TestContext.Out.WriteLine($"payload mode: {LastObservation.PayloadMode}");
        Assert.That(LastObservation.Sha256, Is.EqualTo(DataSha256));
    }

    [Test]
    public async Task A_chunk_tampered_after_the_SDK_signed_it_fails_with_SignatureDoesNotMatch()
    {
        using var s3 = Client(TestKeys.Temporary, c => c.HttpClientFactory = new TamperingHttpClientFactory(body =>
        {
            body[body.Length / 3] ^= 0x20;
            return body;
        }));
        var error = Assert.ThrowsAsync<AmazonS3Exception>(() =>
            s3.PutObjectAsync(new PutObjectRequest { BucketName = "bucket", Key = "k", InputStream = new MemoryStream(_data) }));
        Assert.That(error!.ErrorCode, Is.EqualTo("SignatureDoesNotMatch"));
    }

    [Test]
    public void A_checksum_trailer_changed_after_the_SDK_signed_it_fails_the_trailer_signature()
    {
        using var s3 = Client(TestKeys.Temporary, c => c.HttpClientFactory = new TamperingHttpClientFactory(body =>
        {
            var text = System.Text.Encoding.ASCII.GetBytes("x-amz-checksum-crc32:");
            var at = body.AsSpan().LastIndexOf(text) + text.Length;
            body[at] = (byte)(body[at] == (byte)'A' ? 'B' : 'A');
            return body;
        }));
        var error = Assert.ThrowsAsync<AmazonS3Exception>(() =>
            s3.PutObjectAsync(new PutObjectRequest { BucketName = "bucket", Key = "k", InputStream = new MemoryStream(_data) }));
        Assert.That(error!.ErrorCode, Is.EqualTo("SignatureDoesNotMatch"));
        Assert.That(error.Message, Does.Contain("x-amz-trailer-signature"));
    }

    [Test]
    public async Task A_presigned_GetObject_URL_from_the_SDK_verifies_when_fetched_plainly()
    {
        using var s3 = Client(TestKeys.Temporary);
        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = "bucket", Key = "private/some key+plus.txt", Verb = HttpVerb.GET, Expires = DateTime.UtcNow.AddMinutes(5),
            Protocol = Protocol.HTTP,
        });
        using var http = new HttpClient();
        using var response = await http.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_presigned_URL_with_its_key_changed_fails_with_SignatureDoesNotMatch()
    {
        using var s3 = Client(TestKeys.LongTerm);
        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = "bucket", Key = "private/alice/a.txt", Verb = HttpVerb.GET, Expires = DateTime.UtcNow.AddMinutes(5), Protocol = Protocol.HTTP,
        });
        using var http = new HttpClient();
        using var response = await http.GetAsync(url.Replace("/alice/", "/bob/"));
        Assert.That((await HostResponses.ReadAsync(response)).Code, Is.EqualTo("SignatureDoesNotMatch"));
    }

    [Test]
    public async Task GetObject_and_ListObjectsV2_signed_by_the_SDK_verify()
    {
        using var s3 = Client(TestKeys.Temporary);
        using var get = await s3.GetObjectAsync("bucket", "private/with spaces/and+plus/ü.txt");
        Assert.That(get.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
        var list = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "bucket", Prefix = "private/a b/", Delimiter = "/", MaxKeys = 5 });
        Assert.That(list.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
