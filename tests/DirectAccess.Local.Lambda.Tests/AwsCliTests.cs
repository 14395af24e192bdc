using System.Text;
using System.Text.Json;
using DirectAccess.Local.Lambda.Tests.Support;
using DirectAccess.Local.Security;
using DirectAccess.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Local.Lambda.Tests;

/// <summary>The AWS CLI (botocore: its own SigV4 signer and REST-JSON client) against the local Lambda; ignored when <c>aws</c> is missing.</summary>
[TestFixture]
[NonParallelizable]
public sealed class AwsCliTests
{
    private TestCloud _cloud = null!;
    private ICredentialStore _store = null!;
    private TempDirectory _work = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        OutsideTools.Require("aws");
        _cloud = await TestCloud.StartAsync();
        _store = _cloud.Cloud.Services.GetRequiredService<ICredentialStore>();
        _work = new TempDirectory("directaccess-lambda-cli");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _work?.Dispose();
        if (_cloud is not null)
        {
            await _cloud.DisposeAsync();
        }
    }

    private string WhoAmI => _cloud.Cloud.Stack.Functions.Single(f => f.Environment["DIRECTACCESS_FUNCTION"] == "WhoAmI").Name;

    private Task<AwsCli.Result> AwsAsync(CallerIdentity caller, params string[] arguments) =>
        AwsCli.RunAsync(caller, _cloud.Cloud.Stack.Region, _work.Path, ["--endpoint-url", _cloud.Endpoint.ToString(), .. arguments]);

    [Test]
    public async Task Aws_lambda_invoke_by_name_and_by_ARN_with_log_tail()
    {
        var caller = Callers.Cognito(_store, _cloud.Cloud.Stack, "UploadersRole");
        var arn = _cloud.Cloud.Stack.Functions.Single(f => f.Name == WhoAmI).Arn;

        var byName = await AwsAsync(caller, "lambda", "invoke", "--function-name", WhoAmI, "--payload", "{}", "--log-type", "Tail", "by-name.json");
        var byArn = await AwsAsync(caller, "lambda", "invoke", "--function-name", arn, "--qualifier", "$LATEST", "--payload", "{}", "by-arn.json");

        Assert.That(byName.ExitCode, Is.Zero, byName.StandardError);
        Assert.That(byArn.ExitCode, Is.Zero, byArn.StandardError);
        var summary = JsonDocument.Parse(byName.StandardOutput).RootElement;
        var log = Encoding.UTF8.GetString(Convert.FromBase64String(summary.GetProperty("LogResult").GetString()!));
        var output = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work.Path, "by-name.json"))).RootElement;
        var arnOutput = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work.Path, "by-arn.json"))).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(summary.GetProperty("StatusCode").GetInt32(), Is.EqualTo(200));
            Assert.That(summary.GetProperty("ExecutedVersion").GetString(), Is.EqualTo("$LATEST"));
            Assert.That(log, Does.Contain("START RequestId: " + output.GetProperty("awsRequestId").GetString()));
            Assert.That(output.GetProperty("identityId").GetString(), Is.EqualTo(caller.IdentityId));
            Assert.That(arnOutput.GetProperty("identityId").GetString(), Is.EqualTo(caller.IdentityId));
        });
    }

    [Test]
    public async Task Aws_lambda_dry_run_list_and_get_and_a_denial()
    {
        var admin = _store.Find(_cloud.Cloud.Options.AdminAccessKeyId)!;
        var viewer = Callers.Cognito(_store, _cloud.Cloud.Stack, "ViewersRole");
        var processUpload = _cloud.Cloud.Stack.Functions.Single(f => f.Environment["DIRECTACCESS_FUNCTION"] == "ProcessUpload").Name;

        var dryRun = await AwsAsync(admin, "lambda", "invoke", "--function-name", WhoAmI, "--invocation-type", "DryRun", "dry.json");
        var list = await AwsAsync(admin, "lambda", "list-functions");
        var get = await AwsAsync(admin, "lambda", "get-function", "--function-name", WhoAmI);
        var denied = await AwsAsync(viewer, "lambda", "invoke", "--function-name", processUpload, "--payload", "{}", "denied.json");

        Assert.Multiple(() =>
        {
            Assert.That(dryRun.ExitCode, Is.Zero, dryRun.StandardError);
            Assert.That(JsonDocument.Parse(dryRun.StandardOutput).RootElement.GetProperty("StatusCode").GetInt32(), Is.EqualTo(204));
            Assert.That(list.ExitCode, Is.Zero, list.StandardError);
            Assert.That(JsonDocument.Parse(list.StandardOutput).RootElement.GetProperty("Functions").EnumerateArray()
                .Select(f => f.GetProperty("FunctionName").GetString()), Is.EquivalentTo(_cloud.Cloud.Stack.Functions.Select(f => f.Name)));
            Assert.That(get.ExitCode, Is.Zero, get.StandardError);
            Assert.That(JsonDocument.Parse(get.StandardOutput).RootElement.GetProperty("Configuration").GetProperty("FunctionName").GetString(), Is.EqualTo(WhoAmI));
            Assert.That(denied.ExitCode, Is.Not.Zero);
            Assert.That(denied.StandardError, Does.Contain("AccessDeniedException").And.Contain("is not authorized to perform: lambda:InvokeFunction"));
        });
    }
}
