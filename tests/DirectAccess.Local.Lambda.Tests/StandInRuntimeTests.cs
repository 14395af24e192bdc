using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using DirectAccess.Local.Lambda.Tests.Support;
using DirectAccess.Local.Lambda.Workers;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Local.Lambda.Tests;

/// <summary>
/// The local Lambda against a stand-in runtime (a real process speaking the Runtime API) that times out, crashes,
/// fails, logs and answers large on demand. Functions get a 2-second timeout here. Functions used:
/// WhoAmI (general), ProcessUpload (timeouts and crashes), ShareFile (concurrency), AdminReport (init error).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class StandInRuntimeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private readonly StringWriter _log = new();
    private LambdaTestHost _host = null!;
    private LambdaApiClient _admin = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var settings = new LambdaSettings
        {
            WorkerPath = StandInRuntime.Require(),
            MaxWorkersPerFunction = 3,
            MaxWaitingInvocationsPerFunction = 4,
            Log = TextWriter.Synchronized(_log),
        };
        _host = await LambdaTestHost.StartAsync(settings, function => function with
        {
            // ShareFile (the concurrency test) sleeps 1.5 s per call: give it room so only throttling can fail it.
            Timeout = function.Environment["DIRECTACCESS_FUNCTION"] == "ShareFile" ? TimeSpan.FromSeconds(20) : Timeout,
            Environment = function.Environment["DIRECTACCESS_FUNCTION"] == "AdminReport"
                ? new Dictionary<string, string>(function.Environment) { ["STANDIN_INIT_ERROR"] = "1" }
                : function.Environment,
        });
        _admin = _host.AdminClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
        _log.Dispose();
    }

    private string Name(string function) => _host.Function(function).Name;

    private Task<InvokeResult> InvokeAsync(string function, object payload, IDictionary<string, string>? headers = null, LambdaApiClient? client = null) =>
        InvokeResult.ReadAsync((client ?? _admin).InvokeAsync(Name(function), JsonSerializer.Serialize(payload), headers));

    [Test]
    public async Task Invoke_hands_the_event_and_runtime_headers_to_the_worker()
    {
        var result = await InvokeAsync("WhoAmI", new { action = "echo", marker = "x" });

        Assert.That(result.Status, Is.EqualTo(HttpStatusCode.OK), result.Text);
        var body = result.Json;
        var function = _host.Function("WhoAmI");
        Assert.Multiple(() =>
        {
            Assert.That(result.Header("X-Amz-Executed-Version"), Is.EqualTo("$LATEST"));
            Assert.That(result.Header("X-Amz-Function-Error"), Is.Null);
            Assert.That(result.Header("x-amzn-RequestId"), Is.EqualTo(body.GetProperty("requestId").GetString()));
            Assert.That(body.GetProperty("invokedFunctionArn").GetString(), Is.EqualTo(function.Arn));
            Assert.That(body.GetProperty("traceId").GetString(), Does.Match("^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$"));
            Assert.That(body.GetProperty("cognitoIdentity").ValueKind, Is.EqualTo(JsonValueKind.Null), "admin credentials are not from an identity pool");
            Assert.That(body.GetProperty("clientContext").ValueKind, Is.EqualTo(JsonValueKind.Null));
            var deadline = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(body.GetProperty("deadlineMs").GetString()!));
            Assert.That(deadline, Is.GreaterThan(DateTimeOffset.UtcNow).And.LessThan(DateTimeOffset.UtcNow + Timeout + TimeSpan.FromSeconds(1)));
        });
    }

    [Test]
    public async Task Worker_environment_has_execution_role_credentials_and_points_back_at_the_cloud()
    {
        var result = await InvokeAsync("WhoAmI", new { action = "echo" });

        var env = result.Json.GetProperty("env");
        var function = _host.Function("WhoAmI");
        var keyId = env.GetProperty("AWS_ACCESS_KEY_ID").GetString()!;
        var session = _host.Credentials.Find(keyId);
        Assert.Multiple(() =>
        {
            Assert.That(session, Is.Not.Null, "the worker's key was issued by the credential store");
            Assert.That(session!.RoleArn, Is.EqualTo(function.RoleArn));
            Assert.That(session.CallerArn, Does.EndWith("/" + function.Name), "Lambda names the role session after the function");
            Assert.That(env.GetProperty("AWS_SECRET_ACCESS_KEY").GetString(), Is.EqualTo(session.SecretAccessKey));
            Assert.That(env.GetProperty("AWS_SESSION_TOKEN").GetString(), Is.EqualTo(session.SessionToken));
            Assert.That(env.GetProperty("AWS_ENDPOINT_URL").GetString(), Is.EqualTo(_host.Endpoint.ToString().TrimEnd('/')));
            Assert.That(env.GetProperty("AWS_LAMBDA_FUNCTION_NAME").GetString(), Is.EqualTo(function.Name));
            Assert.That(env.GetProperty("AWS_LAMBDA_FUNCTION_VERSION").GetString(), Is.EqualTo("$LATEST"));
            Assert.That(env.GetProperty("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").GetString(), Is.EqualTo(function.MemorySizeMb.ToString()));
            Assert.That(env.GetProperty("AWS_LAMBDA_LOG_GROUP_NAME").GetString(), Is.EqualTo("/aws/lambda/" + function.Name));
            Assert.That(env.GetProperty("AWS_REGION").GetString(), Is.EqualTo(_host.Region));
            Assert.That(env.GetProperty("DIRECTACCESS_FUNCTION").GetString(), Is.EqualTo("WhoAmI"));
            Assert.That(env.GetProperty("AWS_LAMBDA_RUNTIME_API").GetString(), Does.StartWith("127.0.0.1:"));
        });
    }

    [Test]
    public async Task Identity_pool_caller_reaches_the_function_as_the_cognito_identity_header()
    {
        var caller = Callers.Cognito(_host.Credentials, _host.Stack, "UploadersRole");
        using var client = _host.ClientFor(caller);

        var result = await InvokeAsync("WhoAmI", new { action = "echo" }, client: client);

        Assert.That(result.Status, Is.EqualTo(HttpStatusCode.OK), result.Text);
        var header = JsonDocument.Parse(result.Json.GetProperty("cognitoIdentity").GetString()!).RootElement;
        Assert.That(header.GetProperty("cognitoIdentityId").GetString(), Is.EqualTo(caller.IdentityId));
        Assert.That(header.GetProperty("cognitoIdentityPoolId").GetString(), Is.EqualTo(caller.IdentityPoolId));
    }

    [Test]
    public async Task Client_context_is_decoded_for_the_runtime_and_bad_ones_are_refused()
    {
        var context = Convert.ToBase64String(Encoding.UTF8.GetBytes("{ \"custom\": { \"app\": \"tests\", \"é\": 1 } }"));
        var ok = await InvokeAsync("WhoAmI", new { action = "echo" }, new Dictionary<string, string> { ["X-Amz-Client-Context"] = context });
        var notBase64 = await InvokeAsync("WhoAmI", new { action = "echo" }, new Dictionary<string, string> { ["X-Amz-Client-Context"] = "%%%" });
        var tooLong = await InvokeAsync("WhoAmI", new { action = "echo" },
            new Dictionary<string, string> { ["X-Amz-Client-Context"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"custom\":{\"k\":\"" + new string('v', 2700) + "\"}}")) });

        Assert.Multiple(() =>
        {
            Assert.That(ok.Json.GetProperty("clientContext").GetString(), Is.EqualTo("{\"custom\":{\"app\":\"tests\",\"\\u00E9\":1}}"));
            Assert.That(notBase64.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(notBase64.Header("x-amzn-ErrorType"), Is.EqualTo("InvalidRequestContentException"));
            Assert.That(tooLong.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(tooLong.Header("x-amzn-ErrorType"), Is.EqualTo("InvalidRequestContentException"));
        });
    }

    [Test]
    public async Task Warm_worker_is_reused_and_a_timeout_kills_it_and_reports_Sandbox_Timedout()
    {
        var first = await InvokeAsync("ProcessUpload", new { action = "echo" });
        var second = await InvokeAsync("ProcessUpload", new { action = "echo" });
        var pid = first.Json.GetProperty("pid").GetInt32();
        Assert.That(second.Json.GetProperty("pid").GetInt32(), Is.EqualTo(pid), "one idle worker: the second call reuses it");

        var clock = Stopwatch.StartNew();
        var timedOut = await InvokeAsync("ProcessUpload", new { action = "sleep", seconds = 30 });
        clock.Stop();

        Assert.That(timedOut.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(timedOut.Header("X-Amz-Function-Error"), Is.EqualTo("Unhandled"));
        var requestId = timedOut.Header("x-amzn-RequestId");
        Assert.That(timedOut.Json.GetProperty("errorType").GetString(), Is.EqualTo("Sandbox.Timedout"));
        Assert.That(timedOut.Json.GetProperty("errorMessage").GetString(), Is.EqualTo($"RequestId: {requestId} Error: Task timed out after 2.00 seconds"));
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(Timeout - TimeSpan.FromMilliseconds(50)).And.LessThan(Timeout + TimeSpan.FromSeconds(3)));
        Assert.That(ProcessIsGone(pid, TimeSpan.FromSeconds(5)), Is.True, $"worker {pid} was killed");

        var after = await InvokeAsync("ProcessUpload", new { action = "echo" });
        Assert.That(after.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(after.Json.GetProperty("pid").GetInt32(), Is.Not.EqualTo(pid), "a fresh worker replaces the killed one");
    }

    [Test]
    public async Task Worker_crash_mid_invocation_is_Runtime_ExitError()
    {
        var crashed = await InvokeAsync("ProcessUpload", new { action = "exit", code = 7 });

        Assert.That(crashed.Header("X-Amz-Function-Error"), Is.EqualTo("Unhandled"));
        var requestId = crashed.Header("x-amzn-RequestId");
        Assert.That(crashed.Json.GetProperty("errorType").GetString(), Is.EqualTo("Runtime.ExitError"));
        Assert.That(crashed.Json.GetProperty("errorMessage").GetString(), Is.EqualTo($"RequestId: {requestId} Error: Runtime exited with error: exit status 7"));
        var after = await InvokeAsync("ProcessUpload", new { action = "echo" });
        Assert.That(after.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Function_error_is_200_with_X_Amz_Function_Error_and_the_error_document()
    {
        var result = await InvokeAsync("WhoAmI", new { action = "error" });

        Assert.That(result.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(result.Header("X-Amz-Function-Error"), Is.EqualTo("Unhandled"));
        Assert.That(result.Json.GetProperty("errorType").GetString(), Is.EqualTo("BoomError"));
        Assert.That(result.Json.GetProperty("errorMessage").GetString(), Is.EqualTo("boom"));
        Assert.That(result.Json.GetProperty("stackTrace")[0].GetString(), Is.EqualTo("at stand_in"));
    }

    [Test]
    public async Task Init_error_returns_the_runtime_error_and_discards_the_worker()
    {
        var result = await InvokeAsync("AdminReport", new { action = "echo" });

        Assert.That(result.Header("X-Amz-Function-Error"), Is.EqualTo("Unhandled"));
        Assert.That(result.Json.GetProperty("errorType").GetString(), Is.EqualTo("Runtime.StandInInit"));
        var pool = _host.Services.GetRequiredService<LambdaWorkers>().Find(Name("AdminReport"))!;
        Assert.That(pool.LiveWorkers, Is.Zero);
    }

    [Test]
    public async Task Log_tail_holds_the_invocation_lines_and_at_most_4_KB()
    {
        var headers = new Dictionary<string, string> { ["X-Amz-Log-Type"] = "Tail" };
        var small = await InvokeAsync("WhoAmI", new { action = "log", lines = new[] { "hello-1", "hello-2" } }, headers);
        var lines = Enumerable.Range(0, 200).Select(i => $"line-{i:000}-" + new string('x', 40)).ToArray();
        var large = await InvokeAsync("WhoAmI", new { action = "log", lines }, headers);
        var none = await InvokeAsync("WhoAmI", new { action = "log", lines = new[] { "quiet" } });

        var smallLog = Encoding.UTF8.GetString(Convert.FromBase64String(small.Header("X-Amz-Log-Result")!));
        var id = small.Header("x-amzn-RequestId");
        var largeBytes = Convert.FromBase64String(large.Header("X-Amz-Log-Result")!);
        var largeLog = Encoding.UTF8.GetString(largeBytes);
        Assert.Multiple(() =>
        {
            Assert.That(smallLog, Does.StartWith($"START RequestId: {id} Version: $LATEST\n"));
            Assert.That(smallLog, Does.Contain("hello-1\nhello-2\n"));
            Assert.That(smallLog, Does.Contain("stderr line\n"));
            Assert.That(smallLog, Does.Contain($"END RequestId: {id}\nREPORT RequestId: {id}\tDuration: "));
            Assert.That(largeBytes, Has.Length.EqualTo(4096));
            Assert.That(largeLog, Does.Contain("line-199-"));
            Assert.That(largeLog, Does.Not.Contain("line-000-"));
            Assert.That(largeLog, Does.Contain("REPORT RequestId: " + large.Header("x-amzn-RequestId")));
            Assert.That(none.Header("X-Amz-Log-Result"), Is.Null);
        });
    }

    [Test]
    public async Task Request_payload_is_limited_to_6_MB()
    {
        const int limit = 6 * 1024 * 1024;
        var atLimit = new byte[limit];
        atLimit.AsSpan().Fill((byte)'a');
        atLimit[0] = atLimit[^1] = (byte)'"';
        var overLimit = new byte[limit + 1];

        var accepted = await InvokeResult.ReadAsync(_admin.InvokeAsync(Name("WhoAmI"), atLimit));
        var refused = await InvokeResult.ReadAsync(_admin.InvokeAsync(Name("WhoAmI"), overLimit));

        Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Text.Length < 500 ? accepted.Text : "");
        Assert.That(accepted.Json.GetProperty("eventBytes").GetInt32(), Is.EqualTo(limit));
        Assert.That(refused.Status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(refused.Header("x-amzn-ErrorType"), Is.EqualTo("RequestTooLargeException"));
        Assert.That(refused.Json.GetProperty("message").GetString(), Is.EqualTo("Request must be smaller than 6291456 bytes for the InvokeFunction operation"));
    }

    [Test]
    public async Task Non_JSON_payload_is_refused_before_any_worker_runs()
    {
        var result = await InvokeResult.ReadAsync(_admin.InvokeAsync(Name("WhoAmI"), "this is not json"));

        Assert.That(result.Status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(result.Header("x-amzn-ErrorType"), Is.EqualTo("InvalidRequestContentException"));
        Assert.That(result.Json.GetProperty("Type").GetString(), Is.EqualTo("User"));
    }

    [Test]
    public async Task Response_payload_over_6_MB_is_Function_ResponseSizeTooLarge()
    {
        var fits = await InvokeAsync("WhoAmI", new { action = "big", bytes = 6 * 1024 * 1024 });
        var tooBig = await InvokeAsync("WhoAmI", new { action = "big", bytes = 6 * 1024 * 1024 + 100 });

        Assert.That(fits.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(fits.Header("X-Amz-Function-Error"), Is.Null);
        Assert.That(fits.Body, Has.Length.EqualTo(6 * 1024 * 1024 + 2));
        Assert.That(tooBig.Header("X-Amz-Function-Error"), Is.EqualTo("Unhandled"));
        Assert.That(tooBig.Json.GetProperty("errorType").GetString(), Is.EqualTo("Function.ResponseSizeTooLarge"));
    }

    [Test]
    public async Task Concurrent_invocations_use_up_to_the_worker_limit_and_excess_waits_or_is_throttled()
    {
        // 3 workers, 4 waiting allowed: of 10 simultaneous 1.5-second invocations 7 run (in three waves) and 3 are refused.
        var calls = Enumerable.Range(0, 10).Select(_ => InvokeAsync("ShareFile", new { action = "sleep", seconds = 1.5 })).ToArray();
        var results = await Task.WhenAll(calls);

        var ran = results.Where(r => r.Status == HttpStatusCode.OK).ToArray();
        var throttled = results.Where(r => r.Status == HttpStatusCode.TooManyRequests).ToArray();
        var pids = ran.Select(r => r.Json.GetProperty("pid").GetInt32()).Distinct().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(ran, Has.Length.EqualTo(7));
            Assert.That(throttled, Has.Length.EqualTo(3));
            Assert.That(pids, Has.Length.EqualTo(3), "three workers, each reused");
            Assert.That(throttled[0].Header("x-amzn-ErrorType"), Is.EqualTo("TooManyRequestsException"));
            Assert.That(throttled[0].Header("Retry-After"), Is.EqualTo("1"));
            Assert.That(throttled[0].Json.GetProperty("Reason").GetString(), Is.EqualTo("ReservedFunctionConcurrentInvocationLimitExceeded"));
            Assert.That(_host.Services.GetRequiredService<LambdaWorkers>().Find(Name("ShareFile"))!.LiveWorkers, Is.LessThanOrEqualTo(3));
        });
    }

    [Test]
    public async Task Event_invocation_is_accepted_with_202_and_runs_in_the_background()
    {
        var marker = "event-" + Guid.NewGuid().ToString("N");
        var clock = Stopwatch.StartNew();
        var result = await InvokeAsync("WhoAmI", new { action = "log", lines = new[] { marker } },
            new Dictionary<string, string> { ["X-Amz-Invocation-Type"] = "Event" });
        clock.Stop();

        Assert.That(result.Status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(result.Body, Is.Empty);
        var ran = SpinWait.SpinUntil(() => _log.ToString().Contains(marker, StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        Assert.That(ran, Is.True, "the event ran and its log line reached the cloud's log");
    }

    [Test]
    public async Task DryRun_is_204_and_starts_no_worker()
    {
        var pool = _host.Services.GetRequiredService<LambdaWorkers>();
        var before = pool.Find(Name("WhoAmI"))?.LiveWorkers ?? 0;
        var result = await InvokeAsync("WhoAmI", new { action = "echo" }, new Dictionary<string, string> { ["X-Amz-Invocation-Type"] = "DryRun" });

        Assert.That(result.Status, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(pool.Find(Name("WhoAmI"))?.LiveWorkers ?? 0, Is.EqualTo(before));
    }

    [Test]
    public async Task Shutdown_kills_every_worker()
    {
        var settings = new LambdaSettings { WorkerPath = StandInRuntime.Require() };
        var host = await LambdaTestHost.StartAsync(settings);
        int pid;
        using (var client = host.AdminClient())
        {
            var result = await InvokeResult.ReadAsync(client.InvokeAsync(host.Function("WhoAmI").Name, "{\"action\":\"echo\"}"));
            pid = result.Json.GetProperty("pid").GetInt32();
        }

        await host.DisposeAsync();

        Assert.That(ProcessIsGone(pid, TimeSpan.FromSeconds(5)), Is.True);
    }

    [Test]
    public async Task Worker_is_replaced_with_fresh_credentials_before_its_own_expire()
    {
        // Reusable while more than timeout (2 s) + 1 minute of credential lifetime remain: 66 s leaves 4 s of reuse.
        var settings = new LambdaSettings { WorkerPath = StandInRuntime.Require(), WorkerCredentialLifetime = TimeSpan.FromSeconds(66) };
        await using var host = await LambdaTestHost.StartAsync(settings, function => function with { Timeout = Timeout });
        using var client = host.AdminClient();
        var name = host.Function("WhoAmI").Name;
        async Task<JsonElement> EchoAsync() => (await InvokeResult.ReadAsync(client.InvokeAsync(name, "{\"action\":\"echo\"}"))).Json;

        var first = await EchoAsync();
        var warm = await EchoAsync();
        await Task.Delay(TimeSpan.FromSeconds(4.5));
        var recycled = await EchoAsync();

        Assert.That(warm.GetProperty("pid").GetInt32(), Is.EqualTo(first.GetProperty("pid").GetInt32()));
        Assert.That(recycled.GetProperty("pid").GetInt32(), Is.Not.EqualTo(first.GetProperty("pid").GetInt32()));
        Assert.That(recycled.GetProperty("env").GetProperty("AWS_ACCESS_KEY_ID").GetString(),
            Is.Not.EqualTo(first.GetProperty("env").GetProperty("AWS_ACCESS_KEY_ID").GetString()));
        Assert.That(ProcessIsGone(first.GetProperty("pid").GetInt32(), TimeSpan.FromSeconds(5)), Is.True, "the expiring worker was stopped");
    }

    private static bool ProcessIsGone(int pid, TimeSpan within) => SpinWait.SpinUntil(() =>
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }, within);
}
