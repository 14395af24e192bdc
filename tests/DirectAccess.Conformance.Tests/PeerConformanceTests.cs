using System.Security.Cryptography;
using System.Text.Json;
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
/// The AWS CLI as an independent peer: with alice's real identity-pool credentials in its environment it must move
/// files through her prefix (multipart), list it, be refused erin's prefix, invoke <c>WhoAmI</c> as her, and trade
/// her ID token for her identity id. Ignored when <c>aws</c> is not installed.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class PeerConformanceTests
{
    private TestCloud _cloud = null!;
    private TempDirectory _work = null!;
    private DirectAccessConfig _config = null!;
    private DirectAccessSession _alice = null!;
    private string _erinIdentityId = null!;
    private AmazonS3Client _adminS3 = null!;
    private AwsCliProcess _aws = null!;

    private string Bucket => _config.UploadBucketName!;

    private string AlicePrefix => $"private/{_alice.Identity.IdentityId}/";

    [OneTimeSetUp]
    public async Task StartCloudAndSignIn()
    {
        OutsideTools.Require("aws");
        _cloud = await TestCloud.StartAsync();
        _work = new TempDirectory("conformance-peer");
        _config = DirectAccessConfig.Load(Path.Combine(_cloud.DataDir, "directaccess.json"));
        using (var admin = new CognitoUserPoolAdminClient(_config, new BasicAWSCredentials(LocalCloudOptions.DefaultAdminAccessKeyId, LocalCloudOptions.DefaultAdminSecretAccessKey)))
        {
            await admin.CreateConfirmedUserAsync(_config.UserPoolId, "alice", MatrixUserSignIn.PasswordOf("alice"), ["uploaders"]);
            await admin.CreateConfirmedUserAsync(_config.UserPoolId, "erin", MatrixUserSignIn.PasswordOf("erin"), ["uploaders"]);
        }

        _alice = await DirectAccessSession.SignInAsync(_config, "alice", MatrixUserSignIn.PasswordOf("alice"), IsolatedSignIn.In(Path.Combine(_work.Path, "alice")));
        await _alice.GetIdentityAsync();
        await using (var erin = await DirectAccessSession.SignInAsync(_config, "erin", MatrixUserSignIn.PasswordOf("erin"), IsolatedSignIn.In(Path.Combine(_work.Path, "erin"))))
        {
            _erinIdentityId = (await erin.GetIdentityAsync()).IdentityId!;
        }

        _adminS3 = AdminS3.Create(_config);
        _aws = new AwsCliProcess(_cloud.Endpoint, _config.Region, _work.Path);
    }

    [OneTimeTearDown]
    public async Task StopCloud()
    {
        _adminS3?.Dispose();
        if (_alice is not null)
        {
            await _alice.DisposeAsync();
        }

        if (_cloud is not null)
        {
            await _cloud.DisposeAsync();
        }

        _work?.Dispose();
    }

    private Task<AwsCliProcess.Result> AsAliceAsync(params string[] arguments) => _aws.RunAsync(_alice.Credentials.GetCredentials(), arguments);

    [Test]
    public async Task Aws_s3_cp_round_trips_32_MiB_through_the_callers_prefix_in_parts()
    {
        var original = Path.Combine(_work.Path, "original.bin");
        var back = Path.Combine(_work.Path, "back.bin");
        var content = new byte[32 * 1024 * 1024];
        new Random(6).NextBytes(content);
        await File.WriteAllBytesAsync(original, content);
        var key = AlicePrefix + "peer/original.bin";

        var upload = await AsAliceAsync("s3", "cp", original, $"s3://{Bucket}/{key}");
        var download = await AsAliceAsync("s3", "cp", $"s3://{Bucket}/{key}", back);

        Assert.That(upload.ExitCode, Is.Zero, upload.ToString());
        Assert.That(download.ExitCode, Is.Zero, download.ToString());
        Assert.That(SHA256.HashData(await File.ReadAllBytesAsync(back)), Is.EqualTo(SHA256.HashData(content)), "downloaded bytes");
        var stored = await _adminS3.GetObjectMetadataAsync(Bucket, key);
        Assert.That(stored.ETag, Does.Match("-4\"?$"), "a multipart ETag of four 8 MiB parts (the CLI's default chunk size)");
    }

    [Test]
    public async Task Aws_s3_ls_lists_the_callers_own_prefix()
    {
        await _alice.Files.S3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = AlicePrefix + "listed-by-cli.txt", ContentBody = "listed" });

        var listing = await AsAliceAsync("s3", "ls", $"s3://{Bucket}/{AlicePrefix}");

        Assert.That(listing.ExitCode, Is.Zero, listing.ToString());
        Assert.That(listing.StandardOutput, Does.Contain(" listed-by-cli.txt"));
    }

    [Test]
    public async Task Aws_s3_cp_into_another_identitys_prefix_is_AccessDenied()
    {
        var file = Path.Combine(_work.Path, "planted.txt");
        await File.WriteAllTextAsync(file, "not yours");
        var key = $"private/{_erinIdentityId}/planted-by-cli.txt";

        var copy = await AsAliceAsync("s3", "cp", file, $"s3://{Bucket}/{key}");

        Assert.That(copy.ExitCode, Is.Not.Zero, copy.ToString());
        Assert.That(copy.StandardError, Does.Contain("(AccessDenied)").And.Contain("is not authorized to perform: s3:PutObject"));
        var e = Assert.ThrowsAsync<AmazonS3Exception>(() => _adminS3.GetObjectMetadataAsync(Bucket, key));
        Assert.That(e.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound), "the refused copy stored nothing");
    }

    [Test]
    public async Task Aws_lambda_invoke_of_WhoAmI_returns_the_callers_identity_id()
    {
        var output = Path.Combine(_work.Path, "whoami.json");

        var invoke = await AsAliceAsync("lambda", "invoke", "--function-name", _config.ResolveFunctionName("WhoAmI"), "--payload", "{}", output);

        Assert.That(invoke.ExitCode, Is.Zero, invoke.ToString());
        Assert.That(JsonDocument.Parse(invoke.StandardOutput).RootElement.GetProperty("StatusCode").GetInt32(), Is.EqualTo(200));
        var answer = JsonDocument.Parse(await File.ReadAllTextAsync(output)).RootElement;
        Assert.That(answer.GetProperty("identityId").GetString(), Is.EqualTo(_alice.Identity.IdentityId));
    }

    [Test]
    public async Task Aws_cognito_identity_get_id_with_the_ID_token_returns_the_callers_identity_id()
    {
        var tokens = await _alice.Tokens.GetValidTokensAsync();
        var logins = JsonSerializer.Serialize(new Dictionary<string, string> { [_config.UserPoolProviderName] = tokens.IdToken });

        var getId = await AsAliceAsync("cognito-identity", "get-id", "--identity-pool-id", _config.IdentityPoolId, "--logins", logins);

        Assert.That(getId.ExitCode, Is.Zero, getId.ToString());
        Assert.That(JsonDocument.Parse(getId.StandardOutput).RootElement.GetProperty("IdentityId").GetString(), Is.EqualTo(_alice.Identity.IdentityId));
    }
}
