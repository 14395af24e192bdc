using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using DirectAccess.Client;
using DirectAccess.Client.Config;
using DirectAccess.Client.UserPool.Admin;
using DirectAccess.Conformance.Tests.Support;
using DirectAccess.Local;
using DirectAccess.Testing;

namespace DirectAccess.Conformance.Tests;

/// <summary>
/// Identity-pool credentials end: a cloud issuing 20-second credentials refuses a raw snapshot of them with S3's
/// <c>ExpiredToken</c> once they lapse, while the SDK session's refreshing credentials keep working past that point.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class CredentialExpiryTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(20);
    private TestCloud _cloud = null!;
    private TempDirectory _work = null!;
    private DirectAccessConfig _config = null!;
    private DirectAccessSession _session = null!;
    private ImmutableCredentials _firstCredentials = null!;
    private DateTime _firstExpiryUtc;

    private string Bucket => _config.UploadBucketName!;

    [OneTimeSetUp]
    public async Task StartShortLivedCloudAndSignIn()
    {
        _cloud = await TestCloud.StartAsync(o => o with { CredentialLifetime = Lifetime });
        _work = new TempDirectory("conformance-expiry");
        _config = DirectAccessConfig.Load(Path.Combine(_cloud.DataDir, "directaccess.json"));
        using (var admin = new CognitoUserPoolAdminClient(_config, new BasicAWSCredentials(LocalCloudOptions.DefaultAdminAccessKeyId, LocalCloudOptions.DefaultAdminSecretAccessKey)))
        {
            await admin.CreateConfirmedUserAsync(_config.UserPoolId, "alice", MatrixUserSignIn.PasswordOf("alice"), ["uploaders"]);
        }

        _session = await DirectAccessSession.SignInAsync(_config, "alice", MatrixUserSignIn.PasswordOf("alice"), IsolatedSignIn.In(_work.Path));
        _firstCredentials = _session.Credentials.GetCredentials();
        _firstExpiryUtc = _session.Identity.CredentialsExpirationUtc ?? throw new AssertionException("the session reports no credential expiry");
    }

    [OneTimeTearDown]
    public async Task StopCloud()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }

        if (_cloud is not null)
        {
            await _cloud.DisposeAsync();
        }

        _work?.Dispose();
    }

    [Test]
    public async Task A_credentials_snapshot_is_refused_with_ExpiredToken_once_it_lapses()
    {
        // Expiration travels as whole epoch seconds, so allow one second of rounding.
        Assert.That(_firstExpiryUtc - DateTime.UtcNow, Is.LessThanOrEqualTo(Lifetime + TimeSpan.FromSeconds(1)), "credentials last the cloud's configured lifetime");
        using var raw = new AmazonS3Client(new SessionAWSCredentials(_firstCredentials.AccessKey, _firstCredentials.SecretKey, _firstCredentials.Token), DirectAccessSession.S3Config(_config));
        var key = await _session.Files.FullKeyAsync("expiry/snapshot.txt");
        var put = await raw.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, ContentBody = "before expiry" });
        Assert.That(put.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK), "the snapshot works before it expires");

        await WaitPastFirstExpiryAsync();

        // GetObject, not HeadObject: a HEAD error has no body, so its error code would not be visible.
        var expired = Assert.ThrowsAsync<AmazonS3Exception>(() => raw.GetObjectAsync(Bucket, key));
        Assert.Multiple(() =>
        {
            Assert.That(expired.ErrorCode, Is.EqualTo("ExpiredToken"), expired.Message);
            Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }

    [Test]
    public async Task The_sessions_refreshing_credentials_keep_working_past_the_first_expiry()
    {
        var key = await _session.Files.FullKeyAsync("expiry/session.txt");
        await _session.Files.S3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, ContentBody = "through the session" });

        await WaitPastFirstExpiryAsync();

        using var read = await _session.Files.S3.GetObjectAsync(Bucket, key);
        using var reader = new StreamReader(read.ResponseStream);
        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("through the session"));
        Assert.That(_session.Credentials.GetCredentials().AccessKey, Is.Not.EqualTo(_firstCredentials.AccessKey), "the session moved on to new credentials");
    }

    private async Task WaitPastFirstExpiryAsync()
    {
        var wait = _firstExpiryUtc + TimeSpan.FromSeconds(2) - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
    }
}
