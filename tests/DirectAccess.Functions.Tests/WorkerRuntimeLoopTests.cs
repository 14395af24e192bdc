using System.Text;
using System.Text.Json;
using DirectAccess.Functions.Tests.Support;
using DirectAccess.Functions.Tests.Support.Doubles;
using DirectAccess.Functions.Worker.Hosting;
using DirectAccess.Functions.Worker.Invocation;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Functions.Tests;

/// <summary>The worker's Runtime API loop against a fake Runtime API over loopback HTTP.</summary>
public sealed class WorkerRuntimeLoopTests
{
    private static readonly TestJsonContext Json = TestJsonContext.Default;

    internal static Task<WorkerHarness> StartContextWorkerAsync(CallLog? log = null) =>
        WorkerHarness.StartAsync("Context", builder =>
        {
            builder.Services.AddSingleton(log ?? new CallLog());
            builder.Services.AddScoped<ScopedMarker>();
            builder.UseMiddleware<OuterMiddleware>().UseMiddleware<InnerMiddleware>();
            builder.AddFunction<ContextFunction, ContextRequest, ContextReport>("Context", Json);
        });

    private static Task<WorkerHarness> StartStreamWorkerAsync<TFunction>(DeadlineProbe? probe = null)
        where TFunction : class, Worker.Functions.IStreamFunction =>
        WorkerHarness.StartAsync("Stream", builder =>
        {
            builder.Services.AddSingleton(probe ?? new DeadlineProbe());
            builder.AddStreamFunction<TFunction>("Stream");
        });

    [Test]
    public async Task HappyPathPostsTheTypedResponseWithTheLambdaContext()
    {
        await using var worker = await StartContextWorkerAsync();
        var invocation = new FakeInvocation
        {
            CognitoIdentity = FakeInvocation.IdentityHeader("us-east-1:11111111-2222-3333-4444-555555555555", "us-east-1:99999999-8888-7777-6666-555555555555"),
            ClientContext = """{"client":{"app_title":"DirectAccess CLI"},"custom":{"team":"blue"},"env":{"platform":"linux"}}""",
        };

        var post = await worker.Runtime.InvokeAsync("""{"note":"hello"}"""u8.ToArray(), invocation);

        Assert.That(post.IsResponse, Is.True, Encoding.UTF8.GetString(post.Body));
        var report = JsonSerializer.Deserialize(post.Body, Json.ContextReport)!;
        Assert.Multiple(() =>
        {
            Assert.That(report.Note, Is.EqualTo("hello"));
            Assert.That(report.AwsRequestId, Is.EqualTo(invocation.AwsRequestId));
            Assert.That(report.InvokedFunctionArn, Is.EqualTo(invocation.InvokedFunctionArn));
            Assert.That(report.FunctionName, Is.EqualTo("directaccess-Context"));
            Assert.That(report.FunctionVersion, Is.EqualTo("$LATEST"));
            Assert.That(report.MemoryLimitInMB, Is.EqualTo(512));
            Assert.That(report.IdentityId, Is.EqualTo("us-east-1:11111111-2222-3333-4444-555555555555"));
            Assert.That(report.IdentityPoolId, Is.EqualTo("us-east-1:99999999-8888-7777-6666-555555555555"));
            Assert.That(report.TraceId, Is.EqualTo(invocation.TraceId));
            Assert.That(report.TraceIdEnvironment, Is.EqualTo(invocation.TraceId), "_X_AMZN_TRACE_ID is set per invocation");
            Assert.That(report.RemainingSeconds, Is.InRange(20, 30));
            Assert.That(report.ClientCustomValue, Is.EqualTo("blue"));
            Assert.That(report.ClientAppTitle, Is.EqualTo("DirectAccess CLI"));
        });
        Assert.That(await worker.StopAsync(), Is.EqualTo(WorkerExitCodes.Stopped));
    }

    [Test]
    public async Task AbsentCognitoHeaderMeansNoIdentity()
    {
        await using var worker = await StartContextWorkerAsync();

        var post = await worker.Runtime.InvokeAsync("{}"u8.ToArray());

        var report = JsonSerializer.Deserialize(post.Body, Json.ContextReport)!;
        Assert.Multiple(() =>
        {
            Assert.That(report.IdentityId, Is.Null);
            Assert.That(report.IdentityPoolId, Is.Null);
            Assert.That(report.ClientCustomValue, Is.Null);
        });
    }

    [Test]
    public async Task MalformedCognitoHeaderIsRefusedNotTreatedAsAnonymous()
    {
        await using var worker = await StartContextWorkerAsync();

        var post = await worker.Runtime.InvokeAsync("{}"u8.ToArray(), new FakeInvocation { CognitoIdentity = "{not json" });

        Assert.That(post.Kind, Is.EqualTo("error"));
        Assert.That(post.Json.GetProperty("errorType").GetString(), Is.EqualTo("Runtime.InvalidInvocation"));
    }

    [Test]
    public async Task ExceptionIsPostedToErrorWithLambdasShapeAndContentType()
    {
        await using var worker = await StartStreamWorkerAsync<ThrowingFunction>();

        var post = await worker.Runtime.InvokeAsync("{}"u8.ToArray());

        Assert.Multiple(() =>
        {
            Assert.That(post.Kind, Is.EqualTo("error"));
            Assert.That(post.ContentType, Is.EqualTo("application/vnd.aws.lambda.error+json"));
            Assert.That(post.FunctionErrorType, Is.EqualTo("InvalidOperationException"));
            Assert.That(post.Json.GetProperty("errorType").GetString(), Is.EqualTo("InvalidOperationException"));
            Assert.That(post.Json.GetProperty("errorMessage").GetString(), Is.EqualTo("boom from the function"));
            Assert.That(post.Json.GetProperty("stackTrace").ValueKind, Is.EqualTo(JsonValueKind.Array));
            Assert.That(post.Json.GetProperty("stackTrace").GetArrayLength(), Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task MalformedPayloadIsAnInvalidRequestError()
    {
        await using var worker = await StartContextWorkerAsync();

        var post = await worker.Runtime.InvokeAsync("{\"note\": 42"u8.ToArray());

        Assert.That(post.Kind, Is.EqualTo("error"));
        Assert.That(post.Json.GetProperty("errorType").GetString(), Is.EqualTo(FunctionErrorException.InvalidRequest));
    }

    [Test]
    public async Task EmptyPayloadIsReadAsAnEmptyObjectAsLambdaDelivers()
    {
        await using var worker = await StartContextWorkerAsync();

        var post = await worker.Runtime.InvokeAsync([]);

        Assert.That(post.IsResponse, Is.True, System.Text.Encoding.UTF8.GetString(post.Body));
        Assert.That(JsonSerializer.Deserialize(post.Body, Json.ContextReport)!.Note, Is.Null);
    }

    [Test]
    public async Task MissingDeadlineIsRefused()
    {
        await using var worker = await StartContextWorkerAsync();

        var post = await worker.Runtime.InvokeAsync("{}"u8.ToArray(), new FakeInvocation { DeadlineHeader = null });

        Assert.That(post.Json.GetProperty("errorType").GetString(), Is.EqualTo("Runtime.InvalidInvocation"));
    }

    [Test]
    public async Task CancellationTokenFiresShortlyBeforeTheDeadline()
    {
        var probe = new DeadlineProbe();
        await using var worker = await StartStreamWorkerAsync<DeadlineFunction>(probe);
        var deadline = DateTimeOffset.UtcNow.AddMilliseconds(4000);

        var post = await worker.Runtime.InvokeAsync("{}"u8.ToArray(), new FakeInvocation().WithDeadline(deadline));

        // The margin is 10% of the time left when the invocation starts (at most 400 ms here), and timers never fire
        // early; 50 ms more covers the header's millisecond truncation.
        Assert.That(post.Kind, Is.EqualTo("error"));
        Assert.Multiple(() =>
        {
            Assert.That(post.Json.GetProperty("errorType").GetString(), Is.EqualTo(nameof(TaskCanceledException)));
            Assert.That(probe.Cancelled, Is.LessThan(deadline), "cancelled before the deadline");
            Assert.That(probe.RemainingAtCancel, Is.GreaterThan(TimeSpan.Zero));
            Assert.That(probe.Cancelled, Is.GreaterThan(deadline.AddMilliseconds(-450)), "not cancelled early");
        });
    }

    [Test]
    public async Task SixMegabytePayloadGoesInAndComesOut()
    {
        await using var worker = await StartStreamWorkerAsync<EchoFunction>();
        var payload = new byte[ResponseBuffer.MaximumBytes];
        new Random(7).NextBytes(payload);

        var post = await worker.Runtime.InvokeAsync(payload);

        Assert.That(post.IsResponse, Is.True);
        Assert.That(post.Body, Is.EqualTo(payload));
    }

    [Test]
    public async Task ResponseOverSixMegabytesIsAFunctionError()
    {
        await using var worker = await StartStreamWorkerAsync<OversizeFunction>();

        var post = await worker.Runtime.InvokeAsync("{}"u8.ToArray());

        Assert.That(post.Json.GetProperty("errorType").GetString(), Is.EqualTo(ResponseBuffer.TooLargeErrorType));
    }

    [Test]
    public async Task ContainerErrorFromTheRuntimeApiEndsTheWorkerWithANonZeroCode()
    {
        await using var worker = await StartContextWorkerAsync();
        await worker.Runtime.InvokeAsync("{}"u8.ToArray());

        worker.Runtime.FailNextWithContainerError();

        Assert.That(await worker.ExitCodeAsync(), Is.EqualTo(WorkerExitCodes.RuntimeApiFailure));
    }

    [Test]
    public async Task LogLinesAreJsonWithTheRequestId()
    {
        await using var worker = await StartContextWorkerAsync();
        var invocation = new FakeInvocation();

        await worker.Runtime.InvokeAsync("""{"note":"logged"}"""u8.ToArray(), invocation);
        await worker.StopAsync();

        var line = worker.LogLines().Select(text => JsonDocument.Parse(text).RootElement)
            .Single(entry => entry.GetProperty("message").GetString() == "context function ran for logged");
        Assert.Multiple(() =>
        {
            Assert.That(line.GetProperty("requestId").GetString(), Is.EqualTo(invocation.AwsRequestId));
            Assert.That(line.GetProperty("level").GetString(), Is.EqualTo("INFO"));
            Assert.That(line.GetProperty("timestamp").GetDateTime().Kind, Is.EqualTo(DateTimeKind.Utc));
        });
    }
}
