using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using DirectAccess.Client.Config;
using DirectAccess.Client.Files;
using DirectAccess.Client.Files.Journal;
using DirectAccess.Client.Files.Upload;
using DirectAccess.Client.Http;
using DirectAccess.Client.Tests.Support;
using DirectAccess.Client.UserPool;
using DirectAccess.Client.UserPool.Admin;
using DirectAccess.Testing;

namespace DirectAccess.Client.Tests.Moto;

/// <summary>
/// The SDK against moto_server, an independent AWS emulator: password sign-in to a user pool, and S3 upload,
/// resume, download, list, presign and delete with plain credentials. Ignored when moto_server is not installed.
/// </summary>
[NonParallelizable]
public sealed class MotoPeerTests
{
    private const long MiB = 1024 * 1024;
    private MotoServer _moto = null!;

    [OneTimeSetUp]
    public async Task StartMoto() => _moto = await MotoServer.StartAsync();

    [OneTimeTearDown]
    public void StopMoto() => _moto?.Dispose();

    [Test]
    public async Task PasswordSignInReturnsTokensWithTheUsersClaims()
    {
        using var http = new HttpClient();
        var poolId = (await RawJson(http, "CreateUserPool", """{"PoolName":"peer"}""")).RootElement.GetProperty("UserPool").GetProperty("Id").GetString()!;
        var clientId = (await RawJson(http, "CreateUserPoolClient", $$"""{"UserPoolId":"{{poolId}}","ClientName":"c","ExplicitAuthFlows":["ALLOW_USER_PASSWORD_AUTH","ALLOW_REFRESH_TOKEN_AUTH"]}"""))
            .RootElement.GetProperty("UserPoolClient").GetProperty("ClientId").GetString()!;
        var config = new DirectAccessConfig { Region = "us-east-1", UserPoolId = poolId, UserPoolClientId = clientId, IdentityPoolId = "us-east-1:unused", Endpoint = _moto.Endpoint };
        using var admin = new CognitoUserPoolAdminClient(config, new BasicAWSCredentials("test", "test"));
        await admin.CreateConfirmedUserAsync(poolId, "alice", "Str0ng-Passw0rd!", []);

        var authenticator = new UserPoolAuthenticator(new CognitoUserPoolClient(http, _moto.Endpoint, "us-east-1", new ClockSkew()), poolId, clientId);
        var tokens = await authenticator.SignInAsync("alice", "Str0ng-Passw0rd!", SignInFlow.Password);

        Assert.Multiple(() =>
        {
            Assert.That(tokens.Username, Is.EqualTo("alice"));
            Assert.That(tokens.Sub, Is.Not.Empty);
            Assert.That(tokens.RefreshToken, Is.Not.Null);
            Assert.That(tokens.IdTokenExpiresUtc, Is.GreaterThan(DateTime.UtcNow));
        });
        var refreshed = await authenticator.RefreshAsync(tokens.RefreshToken!);
        Assert.That(refreshed.Sub, Is.EqualTo(tokens.Sub));

        var wrong = Assert.ThrowsAsync<Errors.NotAuthorizedException>(() => authenticator.SignInAsync("alice", "nope", SignInFlow.Password));
        Assert.That(wrong!.ErrorCode, Is.EqualTo("NotAuthorizedException"));
    }

    [Test]
    public async Task MultipartUploadResumeDownloadListPresignAndDelete()
    {
        using var dir = new TempDirectory();
        var credentials = new BasicAWSCredentials("test", "test");
        var config = new DirectAccessConfig { Region = "us-east-1", UserPoolId = "us-east-1_x", UserPoolClientId = "c", IdentityPoolId = "i", UploadBucketName = "peer-bucket", Endpoint = _moto.Endpoint };
        using var s3 = new AmazonS3Client(credentials, DirectAccessSession.S3Config(config));
        await s3.PutBucketAsync("peer-bucket");
        var throttle = new ThrottlingHandler(TimeSpan.FromMilliseconds(300));
        using var http = new HttpClient(throttle);
        var files = new DirectAccessFiles(s3, new S3BodyWriter(http, credentials, config, new ClockSkew()), "peer-bucket", new UploadJournalStore(dir.Path), _ => Task.FromResult("us-east-1:peer"));

        var source = Path.Combine(dir.Path, "source.bin");
        WriteRandom(source, 23 * MiB + 12345);
        var options = new UploadOptions { PartSize = 5 * MiB, Concurrency = 1, RequireObjectChecksum = false };

        // Interrupt after two parts, then resume: the journal's parts are kept.
        using (var cts = new CancellationTokenSource())
        {
            var journals = new UploadJournalStore(dir.Path);
            var watcher = Task.Run(async () =>
            {
                for (var i = 0; i < 600 && !cts.IsCancellationRequested; i++)
                {
                    if (journals.All().Sum(j => j.Parts.Count) >= 2)
                    {
                        await cts.CancelAsync();
                    }

                    await Task.Delay(20);
                }
            });
            Assert.CatchAsync<OperationCanceledException>(() => files.UploadAsync(source, "big/source.bin", options, null, cts.Token));
            await watcher;
        }

        var result = await files.UploadAsync(source, "big/source.bin", options);
        Assert.Multiple(() =>
        {
            Assert.That(result.Key, Is.EqualTo("private/us-east-1:peer/big/source.bin"));
            Assert.That(result.PartCount, Is.EqualTo(5));
            Assert.That(result.PartsResumed, Is.GreaterThanOrEqualTo(2));
            Assert.That(result.Size, Is.EqualTo(new FileInfo(source).Length));
            Assert.That(new UploadJournalStore(dir.Path).All(), Is.Empty, "journal deleted after completion");
        });

        var copy = Path.Combine(dir.Path, "copy.bin");
        var size = await files.DownloadAsync("big/source.bin", copy, new DownloadOptions { PartSize = 4 * MiB, Concurrency = 3 });
        Assert.That(size, Is.EqualTo(result.Size));
        Assert.That(Hash(copy), Is.EqualTo(Hash(source)));
        Assert.That(File.Exists(copy + ".partial"), Is.False);

        // The buffered path (checksum header instead of trailer) against the same peer.
        var buffered = await files.UploadAsync(source, "big/buffered.bin", options with { StreamParts = false, Concurrency = 3 });
        Assert.That(buffered.PartCount, Is.EqualTo(5));
        var copy2 = Path.Combine(dir.Path, "copy2.bin");
        await files.DownloadAsync("big/buffered.bin", copy2);
        Assert.That(Hash(copy2), Is.EqualTo(Hash(source)));
        await files.DeleteAsync("big/buffered.bin");

        await files.UploadAsync(new MemoryStream(Encoding.UTF8.GetBytes("hello")), "small.txt", options);
        var listed = new List<StoredObject>();
        await foreach (var item in files.ListAsync())
        {
            listed.Add(item);
        }

        Assert.That(listed.Select(o => o.RelativeKey), Is.EquivalentTo(new[] { "big/source.bin", "small.txt" }));

        var url = await files.GetPresignedUrlAsync("small.txt", TimeSpan.FromMinutes(5));
        using (var plain = new HttpClient())
        {
            Assert.That(await plain.GetStringAsync(url), Is.EqualTo("hello"));
        }

        await files.DeleteAsync("small.txt");

        // A journal whose file changed is stale: the upload is aborted and the journal removed.
        using (var cts = new CancellationTokenSource())
        {
            var journals = new UploadJournalStore(dir.Path);
            var stale = Path.Combine(dir.Path, "stale.bin");
            WriteRandom(stale, 11 * MiB);
            var reports = new Cloud.SyncProgress([], _ => cts.Cancel());
            Assert.CatchAsync<OperationCanceledException>(() => files.UploadAsync(stale, "stale.bin", options, reports, cts.Token));
            var journal = journals.All().Single();
            File.AppendAllText(stale, "changed");
            Assert.That(await files.CleanUpStaleUploadsAsync(), Is.EqualTo(1));
            Assert.That(journals.All(), Is.Empty);
            Assert.ThrowsAsync<AmazonS3Exception>(() => s3.ListPartsAsync(new ListPartsRequest { BucketName = "peer-bucket", Key = journal.Header.Key, UploadId = journal.Header.UploadId }));
        }
        Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectMetadataAsync("peer-bucket", "private/us-east-1:peer/small.txt"));
    }

    private async Task<System.Text.Json.JsonDocument> RawJson(HttpClient http, string operation, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _moto.Endpoint);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation);
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=0");
        request.Content = new StringContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, text);
        return System.Text.Json.JsonDocument.Parse(text);
    }

    internal static void WriteRandom(string path, long size)
    {
        using var stream = File.Create(path);
        var buffer = new byte[1024 * 1024];
        for (long written = 0; written < size; written += buffer.Length)
        {
            RandomNumberGenerator.Fill(buffer);
            stream.Write(buffer, 0, (int)Math.Min(buffer.Length, size - written));
        }
    }

    internal static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }
}
