using System.Text.Json.Nodes;
using Amazon.Runtime;
using DirectAccess.Client.Config;
using DirectAccess.Client.UserPool.Admin;
using DirectAccess.Local;
using DirectAccess.Testing;

namespace DirectAccess.Cli.Tests;

/// <summary>
/// Each user-facing command end to end against a real local cloud, run as the real executable: exit codes,
/// <c>--json</c> output, and AWS's denial messages.
/// </summary>
[NonParallelizable]
public sealed class SignedInCommandsTests
{
    private const string AlicePassword = "Alice-password-123";
    private const string BobPassword = "Bob-password-1234";
    private TestCloud _cloud = null!;
    private TempDirectory _alice = null!;
    private TempDirectory _bob = null!;
    private string _config = null!;

    [OneTimeSetUp]
    public async Task StartCloudAndUsers()
    {
        _cloud = await TestCloud.StartAsync();
        _config = Path.Combine(_cloud.DataDir, "directaccess.json");
        var config = DirectAccessConfig.Load(_config);
        using var admin = new CognitoUserPoolAdminClient(config, new BasicAWSCredentials(LocalCloudOptions.DefaultAdminAccessKeyId, LocalCloudOptions.DefaultAdminSecretAccessKey));
        await admin.CreateConfirmedUserAsync(config.UserPoolId, "alice", AlicePassword, ["uploaders"]);
        await admin.CreateConfirmedUserAsync(config.UserPoolId, "bob", BobPassword, ["viewers"]);
        // GlobalSignOut revokes every refresh token of a user: the logout test gets a user of its own.
        await admin.CreateConfirmedUserAsync(config.UserPoolId, "erin", BobPassword, ["viewers"]);
        _alice = new TempDirectory("cli-alice");
        _bob = new TempDirectory("cli-bob");
        Assert.That((await Cli(_alice, "login", "-u", "alice", "-p", AlicePassword)).ExitCode, Is.Zero);
        Assert.That((await Cli(_bob, "login", "-u", "bob", "-p", BobPassword)).ExitCode, Is.Zero);
    }

    [OneTimeTearDown]
    public async Task StopCloud()
    {
        await _cloud.DisposeAsync();
        _alice.Dispose();
        _bob.Dispose();
    }

    private Task<CliRun> Cli(TempDirectory home, params string[] args) => CliProcess.RunAsync(home.Path, [.. args, "--config", _config]);

    [Test]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Login_keeps_the_refresh_token_readable_only_by_the_user()
    {
        var logins = Directory.GetFiles(Path.Combine(_alice.Path, "logins"));

        Assert.That(logins, Has.Length.EqualTo(1));
        Assert.That(File.GetUnixFileMode(logins[0]), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(File.GetUnixFileMode(Path.Combine(_alice.Path, "logins")) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead), Is.EqualTo(UnixFileMode.None));
    }

    [Test]
    public async Task Wrong_password_exits_3_with_NotAuthorizedException()
    {
        using var home = new TempDirectory();

        var run = await Cli(home, "login", "-u", "alice", "-p", "Wrong-password-999");

        Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString());
        Assert.That(run.Stderr, Does.Contain("NotAuthorizedException"));
        Assert.That(Directory.Exists(Path.Combine(home.Path, "logins")) && Directory.GetFiles(Path.Combine(home.Path, "logins")).Length > 0, Is.False);
    }

    [Test]
    public async Task Whoami_shows_identity_group_and_role()
    {
        var run = await Cli(_alice, "whoami", "--json");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var json = run.Json;
        Assert.That((string?)json["username"], Is.EqualTo("alice"));
        Assert.That((string?)json["identityId"], Does.Match("^us-east-1:[0-9a-f-]{36}$"));
        Assert.That(json["groups"]!.AsArray().Select(g => (string?)g), Is.EqualTo(new[] { "uploaders" }));
        Assert.That((string?)json["roleArn"], Does.Contain("UploadersRole"));
        Assert.That((string?)json["credentialsExpiration"], Is.Not.Null);
    }

    [Test]
    public async Task Whoami_without_login_exits_3()
    {
        using var home = new TempDirectory();

        var run = await Cli(home, "whoami");

        Assert.That(run.ExitCode, Is.EqualTo(3), run.ToString());
        Assert.That(run.Stderr, Does.Contain("directaccess login"));
    }

    [Test]
    public async Task Upload_ls_download_share_rm_round_trip()
    {
        var file = Path.Combine(_alice.Path, "report.bin");
        var bytes = new byte[(12 << 20) + 12345];
        Random.Shared.NextBytes(bytes);
        await File.WriteAllBytesAsync(file, bytes);
        var identityId = (string?)(await Cli(_alice, "whoami", "--json")).Json["identityId"];

        var upload = await Cli(_alice, "upload", file, "docs/report.bin", "--part-size", (5 << 20).ToString(), "--json");
        Assert.That(upload.ExitCode, Is.Zero, upload.ToString());
        Assert.That((string?)upload.Json["key"], Is.EqualTo($"private/{identityId}/docs/report.bin"));
        Assert.That((long?)upload.Json["size"], Is.EqualTo(bytes.Length));

        var list = await Cli(_alice, "ls", "docs/", "--json");
        Assert.That(list.ExitCode, Is.Zero, list.ToString());
        Assert.That(list.Json.AsArray().Select(o => (string?)o!["relativeKey"]), Does.Contain("docs/report.bin"));

        var copy = Path.Combine(_alice.Path, "copy.bin");
        var download = await Cli(_alice, "download", "docs/report.bin", copy, "--json");
        Assert.That(download.ExitCode, Is.Zero, download.ToString());
        Assert.That(await File.ReadAllBytesAsync(copy), Is.EqualTo(bytes));

        var share = await Cli(_alice, "share", "docs/report.bin", "--expires", "600", "--json");
        Assert.That(share.ExitCode, Is.Zero, share.ToString());
        using (var http = new HttpClient())
        {
            var shared = await http.GetByteArrayAsync((string)share.Json["url"]!);
            Assert.That(shared, Is.EqualTo(bytes), "the presigned URL serves the object to anyone holding it");
        }

        var remove = await Cli(_alice, "rm", "docs/report.bin", "--json");
        Assert.That(remove.ExitCode, Is.Zero, remove.ToString());
        var after = await Cli(_alice, "ls", "docs/", "--json");
        Assert.That(after.Json.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Invoke_WhoAmI_returns_the_callers_identity_from_the_context()
    {
        var identityId = (string?)(await Cli(_alice, "whoami", "--json")).Json["identityId"];

        var run = await Cli(_alice, "invoke", "WhoAmI", "--payload", "{\"identityId\":\"us-east-1:00000000-0000-0000-0000-000000000000\"}");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That((string?)run.Json["identityId"], Is.EqualTo(identityId), "identity comes from Lambda's context, never the payload");
    }

    [Test]
    public async Task Invoke_ProcessUpload_on_someone_elses_key_is_a_Forbidden_function_error()
    {
        var run = await Cli(_alice, "invoke", "ProcessUpload", "--payload", "{\"key\":\"private/us-east-1:00000000-0000-0000-0000-000000000000/x.bin\"}");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stderr, Does.Contain("Forbidden"));
    }

    [Test]
    public async Task Viewer_invoking_ProcessUpload_is_denied_with_AWSs_reason()
    {
        var run = await Cli(_bob, "invoke", "ProcessUpload", "--payload", "{\"key\":\"x\"}");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Stderr, Does.Contain("AccessDenied"));
        Assert.That(run.Stderr, Does.Contain("is not authorized to perform: lambda:InvokeFunction on resource"));
    }

    [Test]
    public async Task Viewer_upload_is_denied_with_AWSs_reason()
    {
        var file = Path.Combine(_bob.Path, "small.txt");
        await File.WriteAllTextAsync(file, "hello");

        var run = await Cli(_bob, "upload", file, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        var error = run.Json["error"]!;
        Assert.That((string?)error["code"], Is.EqualTo("AccessDenied"));
        Assert.That((string?)error["message"], Does.Contain("is not authorized to perform: s3:PutObject"));
    }

    [Test]
    public async Task Malformed_payload_exits_2()
    {
        var run = await Cli(_alice, "invoke", "WhoAmI", "--payload", "{not json");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Stderr, Does.Contain("--payload is not JSON"));
    }

    [Test]
    public async Task Missing_config_exits_2()
    {
        using var home = new TempDirectory();

        var run = await CliProcess.RunAsync(home.Path, "whoami", "--config", Path.Combine(home.Path, "nope.json"));

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
    }

    [Test]
    public async Task Logout_revokes_and_forgets_the_login()
    {
        using var home = new TempDirectory();
        Assert.That((await Cli(home, "login", "-u", "erin", "-p", BobPassword)).ExitCode, Is.Zero);
        var stored = Directory.GetFiles(Path.Combine(home.Path, "logins")).Single();
        var refreshToken = (string)JsonNode.Parse(await File.ReadAllTextAsync(stored))!["RefreshToken"]!;

        var run = await Cli(home, "logout", "--json");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That((bool?)run.Json["revoked"], Is.True);
        Assert.That((await Cli(home, "whoami")).ExitCode, Is.EqualTo(3));
        // GlobalSignOut revoked the token server-side: a copy of the file would no longer work either.
        await File.WriteAllTextAsync(stored, JsonNode.Parse($"{{\"Username\":\"erin\",\"RefreshToken\":\"{refreshToken}\",\"UserPoolId\":\"x\",\"UserPoolClientId\":\"y\",\"SignedInUtc\":\"2026-01-01T00:00:00Z\"}}")!.ToJsonString());
        Assert.That((await Cli(home, "whoami")).ExitCode, Is.EqualTo(3));
    }
}
