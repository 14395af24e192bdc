using System.Text;
using System.Text.Json;
using DirectAccess.Local.Lambda.Invocation;
using DirectAccess.Local.Lambda.Protocol;

namespace DirectAccess.Local.Lambda.Tests;

/// <summary>Client-context decoding, sandbox error documents and error bodies, as Lambda writes them.</summary>
public sealed class ProtocolTests
{
    [Test]
    public void Client_context_is_compacted_with_non_ASCII_escaped_and_limited_to_3583_bytes()
    {
        string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

        Assert.That(ClientContextHeader.Decode(null), Is.Null);
        Assert.That(ClientContextHeader.Decode(Encode("{ \"env\" : { \"x\" : \"ü\" } }")), Is.EqualTo("{\"env\":{\"x\":\"\\u00FC\"}}"));
        Assert.Throws<LambdaException>(() => ClientContextHeader.Decode(Encode("[1,2]")));
        Assert.Throws<LambdaException>(() => ClientContextHeader.Decode(Encode("{not json")));
        var atLimit = Encode("{\"k\":\"" + new string('v', 2677) + "\"}");
        Assert.That(atLimit, Has.Length.EqualTo(3580), "the longest base64 (a multiple of 4) within 3,583 bytes");
        Assert.That(ClientContextHeader.Decode(atLimit), Does.StartWith("{\"k\":\"vvv"));
        var overLimit = Encode("{\"k\":\"" + new string('v', 2700) + "\"}");
        Assert.That(overLimit.Length, Is.GreaterThan(3583));
        Assert.That(Assert.Throws<LambdaException>(() => ClientContextHeader.Decode(overLimit))!.ErrorCode, Is.EqualTo("InvalidRequestContentException"));
    }

    [Test]
    public void Timeout_and_exit_documents_use_Lambdas_wording()
    {
        var timeout = JsonDocument.Parse(SandboxErrors.Timeout("req-1", TimeSpan.FromSeconds(3)).Payload).RootElement;
        var exit = JsonDocument.Parse(SandboxErrors.RuntimeExited("req-2", 1).Payload).RootElement;

        Assert.That(timeout.GetProperty("errorType").GetString(), Is.EqualTo("Sandbox.Timedout"));
        Assert.That(timeout.GetProperty("errorMessage").GetString(), Is.EqualTo("RequestId: req-1 Error: Task timed out after 3.00 seconds"));
        Assert.That(exit.GetProperty("errorType").GetString(), Is.EqualTo("Runtime.ExitError"));
        Assert.That(exit.GetProperty("errorMessage").GetString(), Is.EqualTo("RequestId: req-2 Error: Runtime exited with error: exit status 1"));
        Assert.That(SandboxErrors.TimeoutLogLine("req-1", TimeSpan.FromMilliseconds(1500), new DateTimeOffset(2024, 1, 2, 3, 4, 5, 6, TimeSpan.Zero)),
            Is.EqualTo("2024-01-02T03:04:05.006Z req-1 Task timed out after 1.50 seconds"));
    }

    [Test]
    public void Error_bodies_follow_the_shape_of_each_code()
    {
        string Body(LambdaException e) => Encoding.UTF8.GetString(LambdaErrorWriter.Serialize(e));

        Assert.That(Body(LambdaException.FunctionNotFound("arn:x")), Is.EqualTo("{\"Type\":\"User\",\"Message\":\"Function not found: arn:x\"}"));
        Assert.That(Body(LambdaException.RequestTooLarge("big")), Is.EqualTo("{\"Type\":\"User\",\"message\":\"big\"}"));
        Assert.That(Body(LambdaException.Service("oops")), Is.EqualTo("{\"Type\":\"Service\",\"Message\":\"oops\"}"));
        Assert.That(Body(LambdaException.TooManyRequests("ReservedFunctionConcurrentInvocationLimitExceeded", 1)),
            Is.EqualTo("{\"Type\":\"User\",\"message\":\"Rate Exceeded.\",\"Reason\":\"ReservedFunctionConcurrentInvocationLimitExceeded\"}"));
        Assert.That(Body(new LambdaException(403, "AccessDeniedException", "User: a is not authorized", LambdaErrorBody.CapitalMessageOnly)),
            Is.EqualTo("{\"Message\":\"User: a is not authorized\"}"));
    }

    [TestCase("")]
    [TestCase("{}")]
    [TestCase("[1, {\"a\": null}]")]
    [TestCase("\"text\"")]
    public void Json_payloads_are_accepted(string payload) =>
        Assert.DoesNotThrow(() => JsonPayload.EnsureValid(Encoding.UTF8.GetBytes(payload)));

    [TestCase("not json")]
    [TestCase("{\"a\":")]
    [TestCase("{} {}")]
    public void Non_json_payloads_are_InvalidRequestContentException(string payload)
    {
        var error = Assert.Throws<LambdaException>(() => JsonPayload.EnsureValid(Encoding.UTF8.GetBytes(payload)));
        Assert.That(error!.ErrorCode, Is.EqualTo("InvalidRequestContentException"));
        Assert.That(error.Message, Does.StartWith("Could not parse request body into json: "));
    }

    [Test]
    public void Worker_path_can_be_overridden_by_environment()
    {
        var previous = Environment.GetEnvironmentVariable(LambdaSettings.WorkerPathVariable);
        try
        {
            Environment.SetEnvironmentVariable(LambdaSettings.WorkerPathVariable, "some/where/worker.dll");
            Assert.That(new LambdaSettings().WorkerPath, Is.EqualTo(Path.GetFullPath("some/where/worker.dll")));
            Environment.SetEnvironmentVariable(LambdaSettings.WorkerPathVariable, null);
            Assert.That(new LambdaSettings().WorkerPath, Is.EqualTo(Path.Combine(AppContext.BaseDirectory, "functions-worker", "DirectAccess.Functions.dll")));
            Assert.That(File.Exists(new LambdaSettings().WorkerPath), Is.True, "the build copied the functions executable next to the tests");
        }
        finally
        {
            Environment.SetEnvironmentVariable(LambdaSettings.WorkerPathVariable, previous);
        }
    }
}
