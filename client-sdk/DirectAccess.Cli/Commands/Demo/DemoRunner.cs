using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using DirectAccess.Cli.Infrastructure;
using DirectAccess.Client;
using DirectAccess.Client.Config;
using DirectAccess.Client.Files;
using DirectAccess.Client.Functions.Payloads;
using DirectAccess.Client.UserPool.Admin;
using DirectAccess.Local;

namespace DirectAccess.Cli.Commands.Demo;

/// <summary>
/// The demo's steps, in order, each recorded in the <see cref="DemoReport"/>: start the local cloud, create users,
/// sign alice in by SRP, upload a large file, check ProcessUpload's SHA-256, show bob denied, have carol run
/// AdminReport. Later steps that need an earlier one's result are reported as not as expected when it is missing.
/// </summary>
public sealed class DemoRunner(DemoSettings settings, DemoReport report, CliOutput output)
{
    private const string UploadKey = "demo/large-file.bin";

    /// <summary>Runs every step; the local cloud and temp files are cleaned up unless <see cref="DemoSettings.Keep"/>.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("directaccess-demo-").FullName;
        LocalCloud? cloud = null;
        try
        {
            await report.RunAsync("start the local cloud", async () =>
            {
                cloud = await LocalCloud.StartAsync(new LocalCloudOptions
                {
                    Port = 0,
                    DataDir = Path.Combine(work, "cloud"),
                    TemplatePath = settings.TemplatePath,
                    Log = TextWriter.Null,
                }, ct);
                return (true, $"{cloud.Endpoint} (template {settings.TemplatePath})", null);
            });
            if (cloud is null)
            {
                return;
            }

            await RunWithCloudAsync(cloud, work, ct);
        }
        finally
        {
            if (cloud is not null)
            {
                await cloud.DisposeAsync();
            }

            if (settings.Keep)
            {
                output.Line($"kept {work}");
            }
            else
            {
                TryDelete(work);
            }
        }
    }

    private async Task RunWithCloudAsync(LocalCloud cloud, string work, CancellationToken ct)
    {
        var config = DirectAccessConfig.Load(cloud.ConfigPath);
        var users = DemoUser.Create();
        var clientData = Path.Combine(work, "client");
        SignInOptions SignIn() => new() { DataDirectory = clientData };

        var created = await report.RunAsync("create alice (uploaders), bob (viewers), carol (admins)", async () =>
        {
            using var admin = new CognitoUserPoolAdminClient(config, new BasicAWSCredentials(cloud.Options.AdminAccessKeyId, cloud.Options.AdminSecretAccessKey));
            foreach (var user in users)
            {
                await admin.CreateConfirmedUserAsync(config.UserPoolId, user.Username, user.Password, [user.Group], $"{user.Username}@example.com", ct);
            }

            return (true, "AdminCreateUser + AdminSetUserPassword + AdminAddUserToGroup (SigV4, admin key)", null);
        });
        if (!created)
        {
            return;
        }

        DirectAccessSession? alice = null;
        DirectAccessSession? bob = null;
        DirectAccessSession? carol = null;
        try
        {
            await report.RunAsync("alice signs in (SRP) and gets identity-pool credentials", async () =>
            {
                alice = await DirectAccessSession.SignInAsync(config, "alice", users[0].Password, SignIn(), ct);
                var identity = await alice.GetIdentityAsync(ct);
                var roleOk = identity.RoleArn?.Contains("Uploaders", StringComparison.OrdinalIgnoreCase) == true;
                return (roleOk && identity.IdentityId is not null,
                    $"identity {identity.IdentityId}, role {identity.RoleArn}, credentials until {identity.CredentialsExpirationUtc:u}", null);
            });
            if (alice is null)
            {
                return;
            }

            var (path, sha256) = await PrepareFileAsync(work, ct);
            if (path is null)
            {
                return;
            }

            UploadResult? upload = null;
            await report.RunAsync($"alice uploads {ByteSize.Format(settings.Size)} to private/<her identity>/", async () =>
            {
                upload = await TransferProgressView.RunAsync(output, "upload", progress => alice.Files.UploadAsync(path, UploadKey, null, progress, ct));
                return (upload.Size == settings.Size, $"{upload.Key}: {upload.PartCount} parts, {upload.ChecksumAlgorithm} {upload.Checksum}", upload.Size);
            });
            if (upload is null)
            {
                return;
            }

            await report.RunAsync("alice invokes ProcessUpload; its SHA-256 matches the local one", async () =>
            {
                var receipt = await alice.Functions.InvokeAsync<ProcessUploadRequest, UploadReceipt>("ProcessUpload", new ProcessUploadRequest(upload.Key), ct);
                var same = string.Equals(receipt.Sha256, sha256, StringComparison.OrdinalIgnoreCase) && receipt.Size == settings.Size;
                return (same, $"function {receipt.Sha256} vs local {sha256}, owner {receipt.Owner}", receipt.Size);
            });

            await report.RunAsync("bob (viewers) signs in", async () =>
            {
                bob = await DirectAccessSession.SignInAsync(config, "bob", users[1].Password, SignIn(), ct);
                var identity = await bob.GetIdentityAsync(ct);
                return (identity.IdentityId is not null, $"identity {identity.IdentityId}, role {identity.RoleArn}", null);
            });
            if (bob is not null)
            {
                await report.RunAsync("bob is denied writing into alice's prefix", () => ExpectDeniedAsync(() =>
                    bob.Files.S3.PutObjectAsync(new PutObjectRequest { BucketName = upload.Bucket, Key = Sibling(upload.Key, "planted-by-bob.txt"), ContentBody = "not yours" }, ct)));
                await report.RunAsync("bob is denied reading alice's file", () => ExpectDeniedAsync(() =>
                    bob.Files.S3.GetObjectAsync(new GetObjectRequest { BucketName = upload.Bucket, Key = upload.Key }, ct)));
            }

            await report.RunAsync("carol (admins) runs AdminReport", async () =>
            {
                carol = await DirectAccessSession.SignInAsync(config, "carol", users[2].Password, SignIn(), ct);
                var usage = await carol.Functions.InvokeAsync<EmptyRequest, AdminReportResponse>("AdminReport", new EmptyRequest(), ct);
                var alicePrefix = usage.Prefixes.FirstOrDefault(p => upload.Key.StartsWith(p.Prefix, StringComparison.Ordinal));
                return (alicePrefix is { Objects: >= 1 } && alicePrefix.Bytes >= settings.Size,
                    $"{usage.TotalObjects} objects, {ByteSize.Format(usage.TotalBytes)} in {usage.Prefixes.Count} prefixes", null);
            });
        }
        finally
        {
            foreach (var session in new[] { alice, bob, carol })
            {
                if (session is not null)
                {
                    await session.DisposeAsync();
                }
            }
        }
    }

    private async Task<(string? Path, string Sha256)> PrepareFileAsync(string work, CancellationToken ct)
    {
        string? path = null;
        var sha256 = "";
        await report.RunAsync(settings.FilePath is null ? $"generate a {ByteSize.Format(settings.Size)} file and hash it" : "hash your file", async () =>
        {
            var candidate = settings.FilePath ?? Path.Combine(work, "large-file.bin");
            sha256 = settings.FilePath is null
                ? await DemoFile.GenerateAsync(candidate, settings.Size, ct)
                : await DemoFile.HashAsync(candidate, ct);
            path = candidate;
            return (true, $"SHA-256 {sha256}", settings.Size);
        });
        return (path, sha256);
    }

    // The request must fail with S3's AccessDenied; anything else (success included) is not as expected.
    private static async Task<(bool, string, long?)> ExpectDeniedAsync(Func<Task> request)
    {
        try
        {
            await request();
            return (false, "the request was ALLOWED", null);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "AccessDenied")
        {
            return (true, $"AccessDenied: {e.Message}", null);
        }
    }

    private static string Sibling(string key, string name) => key[..(key.LastIndexOf('/') + 1)] + name;

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Temp space; the OS reclaims it.
        }
    }
}
