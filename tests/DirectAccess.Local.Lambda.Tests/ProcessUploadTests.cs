using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using DirectAccess.Local.Lambda.Tests.Support;
using DirectAccess.Local.Security;
using DirectAccess.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Local.Lambda.Tests;

/// <summary>
/// A function's own AWS calls: ProcessUpload, invoked by an uploader, reads the caller's object from the local S3 with
/// its execution role's credentials (sent back through <c>AWS_ENDPOINT_URL</c>), and the audit log shows those calls
/// were decided against that role, not the caller's.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ProcessUploadTests
{
    private TestCloud _cloud = null!;
    private string _auditPath = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _auditPath = Path.Combine(Path.GetTempPath(), $"directaccess-lambda-audit-{Guid.NewGuid():N}.jsonl");
        _cloud = await TestCloud.StartAsync(options => options with { AuditLogPath = _auditPath });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _cloud.DisposeAsync();
        File.Delete(_auditPath);
    }

    [Test]
    public async Task ProcessUpload_reads_the_object_with_its_execution_role()
    {
        var stack = _cloud.Cloud.Stack;
        var store = _cloud.Cloud.Services.GetRequiredService<ICredentialStore>();
        var caller = Callers.Cognito(store, stack, "UploadersRole");
        var bucket = stack.Buckets.Single().Name;
        var key = $"private/{caller.IdentityId}/report.txt";
        var content = Encoding.UTF8.GetBytes("hello from the lambda tests\n");
        using (var s3 = new AmazonS3Client(new SessionAWSCredentials(caller.AccessKeyId, caller.SecretAccessKey, caller.SessionToken),
                   new AmazonS3Config { ServiceURL = _cloud.Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = stack.Region }))
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = new MemoryStream(content), ContentType = "text/plain" });
        }

        var processUpload = stack.Functions.Single(f => f.Environment["DIRECTACCESS_FUNCTION"] == "ProcessUpload");
        using var client = new LambdaApiClient(_cloud.Endpoint, stack.Region, caller);
        var result = await InvokeResult.ReadAsync(client.InvokeAsync(processUpload.Name, JsonSerializer.Serialize(new { key })));

        Assert.That(result.Status, Is.EqualTo(HttpStatusCode.OK), result.Text);
        Assert.That(result.Header("X-Amz-Function-Error"), Is.Null, result.Text);
        Assert.That(result.Json.GetProperty("size").GetInt64(), Is.EqualTo(content.Length));
        Assert.That(result.Json.GetProperty("sha256").GetString(), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(content))));

        var roleName = processUpload.RoleArn[(processUpload.RoleArn.LastIndexOf('/') + 1)..];
        var functionSession = $"arn:aws:sts::{stack.AccountId}:assumed-role/{roleName}/{processUpload.Name}";
        var decisions = File.ReadAllLines(_auditPath).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.That(decisions.Any(d => d.GetProperty("callerArn").GetString() == functionSession
                                       && d.GetProperty("action").GetString() == "s3:GetObject"
                                       && d.GetProperty("resource").GetString() == $"arn:aws:s3:::{bucket}/{key}"
                                       && d.GetProperty("decision").GetString() == "Allow"),
            Is.True, "the function's GetObject was decided against its execution role");
    }
}
