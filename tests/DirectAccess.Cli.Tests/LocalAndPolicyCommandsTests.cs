using System.Diagnostics;
using DirectAccess.Testing;

namespace DirectAccess.Cli.Tests;

/// <summary><c>local start</c>, <c>local users</c>, <c>policy simulate</c> and <c>policy matrix</c>, run as the real executable.</summary>
public sealed class LocalAndPolicyCommandsTests
{
    [Test]
    public async Task Local_users_add_list_remove_against_a_running_local_cloud()
    {
        await using var cloud = await TestCloud.StartAsync();
        using var home = new TempDirectory();

        var add = await CliProcess.RunAsync(home.Path, "local", "users", "add", "dora", "--password", "Dora-password-123", "--group", "uploaders", "--group", "viewers", "--data-dir", cloud.DataDir, "--json");
        Assert.That(add.ExitCode, Is.Zero, add.ToString());

        var list = await CliProcess.RunAsync(home.Path, "local", "users", "list", "--data-dir", cloud.DataDir, "--json");
        Assert.That(list.ExitCode, Is.Zero, list.ToString());
        var dora = list.Json.AsArray().Single(u => (string?)u!["username"] == "dora")!;
        Assert.That(dora["groups"]!.AsArray().Select(g => (string?)g), Is.EquivalentTo(new[] { "uploaders", "viewers" }));
        Assert.That((string?)dora["status"], Is.EqualTo("CONFIRMED"));

        var login = await CliProcess.RunAsync(home.Path, "login", "-u", "dora", "-p", "Dora-password-123", "--config", Path.Combine(cloud.DataDir, "directaccess.json"), "--json");
        Assert.That(login.ExitCode, Is.Zero, login.ToString());
        Assert.That((string?)login.Json["roleArn"], Does.Contain("UploadersRole"), "uploaders (precedence 1) wins over viewers (2)");

        var remove = await CliProcess.RunAsync(home.Path, "local", "users", "remove", "dora", "--data-dir", cloud.DataDir);
        Assert.That(remove.ExitCode, Is.Zero, remove.ToString());
        var after = await CliProcess.RunAsync(home.Path, "local", "users", "list", "--data-dir", cloud.DataDir, "--json");
        Assert.That(after.Json.AsArray().Select(u => (string?)u!["username"]), Does.Not.Contain("dora"));
    }

    [Test]
    public async Task Local_users_add_with_a_weak_password_is_refused()
    {
        await using var cloud = await TestCloud.StartAsync();
        using var home = new TempDirectory();

        var add = await CliProcess.RunAsync(home.Path, "local", "users", "add", "weak", "--password", "short", "--data-dir", cloud.DataDir);

        Assert.That(add.ExitCode, Is.EqualTo(1), add.ToString());
        Assert.That(add.Stderr, Does.Contain("InvalidPasswordException"));
    }

    [Test]
    public async Task Local_users_with_the_wrong_admin_key_are_refused()
    {
        await using var cloud = await TestCloud.StartAsync();
        using var home = new TempDirectory();

        var list = await CliProcess.RunAsync(home.Path, "local", "users", "list", "--data-dir", cloud.DataDir, "--admin-secret-access-key", "wrong");

        Assert.That(list.ExitCode, Is.EqualTo(1), list.ToString());
        Assert.That(list.Stderr, Does.Contain("SignatureDoesNotMatch").Or.Contain("UnrecognizedClient").Or.Contain("InvalidSignature"));
    }

    [Test]
    public async Task Local_start_prints_the_endpoint_and_admin_credentials()
    {
        using var home = new TempDirectory();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = home.Path };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "directaccess.dll"), "local", "start", "--port", "0", "--data-dir", Path.Combine(home.Path, "data"), "--template", RepoPaths.Template })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        try
        {
            var lines = new List<string>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            while (lines.Count < 3 && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
            }

            Assert.That(lines, Has.Some.Match(@"ready at http://127\.0\.0\.1:\d+"));
            Assert.That(lines, Has.Some.Contains("AKIADIRECTACCESSADMIN"));
            Assert.That(File.Exists(Path.Combine(home.Path, "data", "directaccess.json")));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Test]
    public async Task Policy_matrix_holds_for_every_row()
    {
        using var home = new TempDirectory();

        var run = await CliProcess.RunAsync(home.Path, "policy", "matrix", "--matrix", RepoPaths.AccessMatrix, "--json");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That((int?)run.Json["mismatches"], Is.Zero);
        Assert.That(run.Json["rows"]!.AsArray(), Has.Count.GreaterThanOrEqualTo(40));
    }

    [Test]
    public async Task Policy_matrix_exits_1_when_a_row_does_not_hold()
    {
        using var home = new TempDirectory();
        var policies = Path.Combine(home.Path, "policies");
        CopyDirectory(RepoPaths.Policies, policies);
        var uploaders = Path.Combine(policies, "roles", "uploaders.json");
        // Drop the explicit deny on manifests/: the ExplicitDeny rows must now fail.
        var text = await File.ReadAllTextAsync(uploaders);
        await File.WriteAllTextAsync(uploaders, text.Replace("\"Effect\": \"Deny\"", "\"Effect\": \"Allow\"", StringComparison.Ordinal));

        var run = await CliProcess.RunAsync(home.Path, "policy", "matrix", "--matrix", Path.Combine(policies, "access-matrix.json"), "--json");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That((int?)run.Json["mismatches"], Is.GreaterThan(0));
    }

    [TestCase("uploaders", "s3:PutObject", "arn:aws:s3:::${UploadBucket}/private/${identity}/a.txt", "Allow", "ReadWriteOwnPrivate")]
    [TestCase("uploaders", "s3:PutObject", "arn:aws:s3:::${UploadBucket}/private/us-east-1:11111111-2222-4333-8444-555555555555/a.txt", "ImplicitDeny", null)]
    [TestCase("viewers", "s3:PutObject", "arn:aws:s3:::${UploadBucket}/manifests/x.json", "ExplicitDeny", "DenyManifestTampering")]
    [TestCase("admins", "lambda:InvokeFunction", "arn:aws:lambda:us-east-1:000000000000:function:${AdminReportFunction}", "Allow", "InvokeEveryFunction")]
    public async Task Policy_simulate_decides_for_a_group(string group, string action, string resource, string decision, string? sid)
    {
        using var home = new TempDirectory();

        var run = await CliProcess.RunAsync(home.Path, "policy", "simulate", "--group", group, "--action", action, "--resource", resource,
            "--identity", "us-east-1:0a11ce00-0000-4000-8000-000000000001", "--matrix", RepoPaths.AccessMatrix, "--json");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That((string?)run.Json["decision"], Is.EqualTo(decision));
        Assert.That((string?)run.Json["sid"], Is.EqualTo(sid));
    }

    [Test]
    public async Task Policy_simulate_with_an_unknown_group_exits_2()
    {
        using var home = new TempDirectory();

        var run = await CliProcess.RunAsync(home.Path, "policy", "simulate", "--group", "nobody", "--action", "s3:GetObject", "--resource", "arn:aws:s3:::b/k", "--matrix", RepoPaths.AccessMatrix);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
