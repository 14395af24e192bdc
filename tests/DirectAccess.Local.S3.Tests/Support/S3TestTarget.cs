using System.Net;
using Amazon.S3;
using DirectAccess.Local.Model;
using DirectAccess.Local.S3;
using DirectAccess.Local.Security;
using DirectAccess.Local.State;
using DirectAccess.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DirectAccess.Local.S3.Tests.Support;

/// <summary>
/// The S3 endpoint under test: the real local cloud (<see cref="TestCloud"/>, real SigV4 and IAM from the template's
/// policies), or — only with <c>DIRECTACCESS_S3_FAKE_CLOUD=1</c> — S3 alone in a slim host with stand-in security.
/// Callers: the admin, alice and erin (uploaders role) and bob (viewers role), with real role-session credentials.
/// </summary>
public sealed class S3TestTarget : IAsyncDisposable
{
    public const string AliceIdentity = "us-east-1:0a11ce00-0000-4000-8000-000000000001";
    public const string ErinIdentity = "us-east-1:0e1e0000-0000-4000-8000-000000000005";
    public const string BobIdentity = "us-east-1:0b0b0000-0000-4000-8000-000000000002";

    private readonly Func<ValueTask> _dispose;

    private S3TestTarget(Uri endpoint, string bucket, string dataDir, bool real, TestCredentials admin, TestCredentials alice,
        TestCredentials erin, TestCredentials bob, Func<ValueTask> dispose)
    {
        Endpoint = endpoint;
        Bucket = bucket;
        DataDir = dataDir;
        IsRealCloud = real;
        Admin = admin;
        Alice = alice;
        Erin = erin;
        Bob = bob;
        _dispose = dispose;
    }

    public Uri Endpoint { get; }

    public string Bucket { get; }

    public string DataDir { get; }

    /// <summary>True against the full local cloud (SigV4, aws-chunked, real IAM).</summary>
    public bool IsRealCloud { get; }

    public TestCredentials Admin { get; }

    public TestCredentials Alice { get; }

    public TestCredentials Erin { get; }

    public TestCredentials Bob { get; }

    public static bool UseFake => Environment.GetEnvironmentVariable("DIRECTACCESS_S3_FAKE_CLOUD") == "1";

    /// <summary>Starts a target; <paramref name="dataDir"/> reuses a directory (restart tests).</summary>
    public static Task<S3TestTarget> StartAsync(string? dataDir = null) => UseFake ? StartFakeAsync(dataDir) : StartRealAsync(dataDir);

    /// <summary>A client that signs every request as <paramref name="caller"/> (UNSIGNED-PAYLOAD).</summary>
    public HttpClient Http(TestCredentials caller) => new(new SigV4TestSigner(caller)) { BaseAddress = Endpoint, Timeout = TimeSpan.FromMinutes(2) };

    /// <summary>An AWSSDK S3 client for <paramref name="caller"/> (path style).</summary>
    public AmazonS3Client Sdk(TestCredentials caller) => new(caller.ToAws(), new AmazonS3Config
    {
        ServiceURL = Endpoint.ToString(),
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
    });

    /// <summary>Path-style URL path of <paramref name="key"/> (each segment AWS-encoded).</summary>
    public string PathOf(string key) => $"/{Bucket}/{string.Join('/', key.Split('/').Select(SigV4TestSigner.Encode))}";

    /// <summary>Skips the test on the stand-in host (it cannot decode aws-chunked or evaluate real policies).</summary>
    public void RequireRealCloud()
    {
        if (!IsRealCloud)
        {
            Assert.Ignore("Needs the full local cloud (DIRECTACCESS_S3_FAKE_CLOUD=1 runs S3 alone).");
        }
    }

    public ValueTask DisposeAsync() => _dispose();

    private static async Task<S3TestTarget> StartRealAsync(string? dataDir)
    {
        var cloud = await TestCloud.StartAsync(dataDir: dataDir);
        var stack = cloud.Cloud.Stack;
        var store = cloud.Cloud.Services.GetRequiredService<ICredentialStore>();
        var pool = stack.IdentityPools[0];
        var provider = pool.Providers[0].ProviderName;
        TestCredentials Issue(string name, string roleLogicalId, string identityId)
        {
            var role = stack.Roles.First(r => r.LogicalId == roleLogicalId);
            var caller = store.IssueRoleSession(role.Arn, "CognitoIdentityCredentials", TimeSpan.FromHours(1), identityId, pool.Id,
                ["authenticated", provider, $"{provider}:CognitoSignIn:{Guid.NewGuid()}"]);
            return new TestCredentials(name, caller.AccessKeyId, caller.SecretAccessKey, caller.SessionToken, identityId);
        }

        var options = cloud.Cloud.Options;
        return new S3TestTarget(cloud.Endpoint, stack.Buckets[0].Name, cloud.DataDir, true,
            new TestCredentials("admin", options.AdminAccessKeyId, options.AdminSecretAccessKey, null, null),
            Issue("alice", "UploadersRole", AliceIdentity),
            Issue("erin", "UploadersRole", ErinIdentity),
            Issue("bob", "ViewersRole", BobIdentity),
            cloud.DisposeAsync);
    }

    private static async Task<S3TestTarget> StartFakeAsync(string? dataDir)
    {
        var owned = dataDir is null ? new TempDirectory("directaccess-s3") : null;
        var dir = dataDir ?? owned!.Path;
        const string bucket = "directaccess-uploads-000000000000-us-east-1";
        CallerIdentity Caller(string key, string? identity, bool admin) => new(key, key + "-secret", null, null, admin,
            admin ? null : "arn:aws:iam::000000000000:role/test", $"arn:aws:sts::000000000000:assumed-role/test/{key}", key, identity, null, []);
        var callers = new Dictionary<string, CallerIdentity>
        {
            ["AKIAADMIN"] = Caller("AKIAADMIN", null, true),
            ["ASIAALICE"] = Caller("ASIAALICE", AliceIdentity, false),
            ["ASIAERIN"] = Caller("ASIAERIN", ErinIdentity, false),
            ["ASIABOB"] = Caller("ASIABOB", BobIdentity, false),
        };

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = null;
        });
        var options = new LocalCloudOptions { DataDir = dir, TemplatePath = "unused", Port = 0 };
        var stack = new StackModel("us-east-1", "000000000000", new Dictionary<string, string>(), [], [], [],
            [new BucketModel("UploadBucket", bucket, $"arn:aws:s3:::{bucket}")], []);
        builder.Services.AddSingleton(new StateDatabase(dir));
        builder.Services.AddSingleton(stack);
        builder.Services.AddSingleton<IRequestAuthenticator>(new FakeAuthenticator(callers));
        builder.Services.AddSingleton<IAccessAuthorizer>(new FakeAuthorizer());
        S3Services.Add(builder.Services, options, stack);
        var app = builder.Build();
        var handler = app.Services.GetRequiredService<DirectAccess.Local.Hosting.IAwsServiceHandler>();
        app.Run(handler.HandleAsync);
        await app.StartAsync();
        var port = new Uri(app.Urls.First()).Port;

        TestCredentials Creds(string name, string key, string? identity) => new(name, key, key + "-secret", null, identity);
        return new S3TestTarget(new Uri($"http://127.0.0.1:{port}"), bucket, dir, false,
            Creds("admin", "AKIAADMIN", null), Creds("alice", "ASIAALICE", AliceIdentity), Creds("erin", "ASIAERIN", ErinIdentity),
            Creds("bob", "ASIABOB", BobIdentity),
            async () =>
            {
                await app.StopAsync();
                await app.DisposeAsync();
                owned?.Dispose();
            });
    }
}
