using System.Text.Json;
using DirectAccess.Functions.Contracts;
using DirectAccess.Functions.Tests.Support;
using DirectAccess.Functions.Worker.Hosting;

namespace DirectAccess.Functions.Tests;

/// <summary>The real functions executable as a separate process, as Lambda and the local cloud run it.</summary>
public sealed class WorkerProcessTests
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(30);

    [Test]
    public async Task UnknownFunctionNameIsAnInitErrorListingTheKnownNamesAndExitsNonZero()
    {
        await using var runtime = await FakeRuntimeApi.StartAsync();
        await using var app = AppProcess.Start(runtime.Address, "NoSuchFunction");

        var initError = await runtime.InitError.WaitAsync(ProcessTimeout);
        var exitCode = await app.WaitForExitAsync(ProcessTimeout);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(WorkerExitCodes.InitError));
            Assert.That(initError.ContentType, Is.EqualTo("application/vnd.aws.lambda.error+json"));
            Assert.That(initError.Json.GetProperty("errorType").GetString(), Is.EqualTo(FunctionInitException.HandlerNotFound));
            Assert.That(initError.Json.GetProperty("stackTrace").ValueKind, Is.EqualTo(JsonValueKind.Array));
            var message = initError.Json.GetProperty("errorMessage").GetString();
            Assert.That(message, Does.Contain("NoSuchFunction"));
            foreach (var name in new[] { FunctionNames.WhoAmI, FunctionNames.ProcessUpload, FunctionNames.ShareFile, FunctionNames.AdminReport })
            {
                Assert.That(message, Does.Contain(name));
            }
        });
    }

    [Test]
    public async Task FunctionMissingItsBucketSettingFailsAtInit()
    {
        await using var runtime = await FakeRuntimeApi.StartAsync();
        await using var app = AppProcess.Start(runtime.Address, FunctionNames.ProcessUpload, new Dictionary<string, string> { ["AWS_REGION"] = "us-east-1" });

        var initError = await runtime.InitError.WaitAsync(ProcessTimeout);

        Assert.That(await app.WaitForExitAsync(ProcessTimeout), Is.EqualTo(WorkerExitCodes.InitError));
        Assert.That(initError.Json.GetProperty("errorMessage").GetString(), Does.Contain("UPLOAD_BUCKET"));
    }

    [Test]
    public async Task WhoAmIServesInvocationsWithTheCallersIdentityAndLogsJsonLines()
    {
        await using var runtime = await FakeRuntimeApi.StartAsync();
        await using var app = AppProcess.Start(runtime.Address, FunctionNames.WhoAmI);
        var invocation = new FakeInvocation
        {
            CognitoIdentity = FakeInvocation.IdentityHeader("us-east-1:aaaaaaaa-0000-0000-0000-000000000001", "us-east-1:bbbbbbbb-0000-0000-0000-000000000002"),
        };

        // The payload claims another identity; WhoAmI must ignore it.
        var first = await runtime.InvokeAsync("""{"identityId":"us-east-1:someone-else"}"""u8.ToArray(), invocation, ProcessTimeout);
        var anonymous = await runtime.InvokeAsync("{}"u8.ToArray(), timeout: ProcessTimeout);

        var whoAmI = JsonSerializer.Deserialize(first.Body, FunctionsJsonContext.Default.WhoAmIResponse)!;
        var nobody = JsonSerializer.Deserialize(anonymous.Body, FunctionsJsonContext.Default.WhoAmIResponse)!;
        Assert.Multiple(() =>
        {
            Assert.That(whoAmI.IdentityId, Is.EqualTo("us-east-1:aaaaaaaa-0000-0000-0000-000000000001"));
            Assert.That(whoAmI.IdentityPoolId, Is.EqualTo("us-east-1:bbbbbbbb-0000-0000-0000-000000000002"));
            Assert.That(whoAmI.FunctionName, Is.EqualTo("directaccess-WhoAmI"));
            Assert.That(whoAmI.FunctionVersion, Is.EqualTo("$LATEST"));
            Assert.That(whoAmI.AwsRequestId, Is.EqualTo(invocation.AwsRequestId));
            Assert.That(nobody.IdentityId, Is.Null);
            Assert.That(app.StdoutLines(), Has.All.Matches<string>(line => JsonDocument.Parse(line).RootElement.ValueKind == JsonValueKind.Object));
        });
    }
}
