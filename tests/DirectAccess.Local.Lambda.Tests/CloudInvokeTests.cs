using System.Net;
using System.Text.Json;
using DirectAccess.Local.Lambda.Tests.Support;
using DirectAccess.Local.Security;
using DirectAccess.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Local.Lambda.Tests;

/// <summary>
/// Lambda in the full local cloud (<see cref="TestCloud"/>: the repository's template and policies, the real SigV4
/// verifier and IAM authorizer, the identity area's credential store) running the real functions worker.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class CloudInvokeTests
{
    private TestCloud _cloud = null!;
    private ICredentialStore _store = null!;
    private CallerIdentity _admin = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _cloud = await TestCloud.StartAsync();
        _store = _cloud.Cloud.Services.GetRequiredService<ICredentialStore>();
        _admin = _store.Find(_cloud.Cloud.Options.AdminAccessKeyId)
            ?? throw new InvalidOperationException("The credential store does not know the admin key.");
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _cloud.DisposeAsync();

    private string Name(string function) =>
        _cloud.Cloud.Stack.Functions.Single(f => f.Environment["DIRECTACCESS_FUNCTION"] == function).Name;

    private LambdaApiClient Client(CallerIdentity caller) => new(_cloud.Endpoint, _cloud.Cloud.Stack.Region, caller);

    private CallerIdentity Cognito(string roleLogicalId) => Callers.Cognito(_store, _cloud.Cloud.Stack, roleLogicalId);

    [Test]
    public async Task WhoAmI_returns_the_callers_identity_id()
    {
        var caller = Cognito("UploadersRole");
        using var client = Client(caller);

        var result = await InvokeResult.ReadAsync(client.InvokeAsync(Name("WhoAmI"), "{}"));

        Assert.That(result.Status, Is.EqualTo(HttpStatusCode.OK), result.Text);
        Assert.That(result.Header("X-Amz-Function-Error"), Is.Null, result.Text);
        var body = result.Json;
        Assert.Multiple(() =>
        {
            Assert.That(body.GetProperty("identityId").GetString(), Is.EqualTo(caller.IdentityId));
            Assert.That(body.GetProperty("identityPoolId").GetString(), Is.EqualTo(caller.IdentityPoolId));
            Assert.That(body.GetProperty("functionName").GetString(), Is.EqualTo(Name("WhoAmI")));
            Assert.That(body.GetProperty("functionVersion").GetString(), Is.EqualTo("$LATEST"));
            Assert.That(body.GetProperty("awsRequestId").GetString(), Is.EqualTo(result.Header("x-amzn-RequestId")));
        });
    }

    [Test]
    public async Task WhoAmI_for_the_admin_has_no_identity()
    {
        using var client = Client(_admin);

        var result = await InvokeResult.ReadAsync(client.InvokeAsync(Name("WhoAmI"), "{}"));

        Assert.That(result.Status, Is.EqualTo(HttpStatusCode.OK), result.Text);
        Assert.That(result.Json.TryGetProperty("identityId", out var id) ? id.ValueKind : JsonValueKind.Null, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Viewer_invoking_ProcessUpload_is_denied_with_AWS_message()
    {
        var viewer = Cognito("ViewersRole");
        using var client = Client(viewer);
        var arn = $"arn:aws:lambda:{_cloud.Cloud.Stack.Region}:{_cloud.Cloud.Stack.AccountId}:function:{Name("ProcessUpload")}";

        var denied = await InvokeResult.ReadAsync(client.InvokeAsync(Name("ProcessUpload"), "{\"key\":\"x\"}"));
        var qualified = await InvokeResult.ReadAsync(client.InvokeAsync(Name("ProcessUpload"), "{}", qualifier: "$LATEST"));
        var unknown = await InvokeResult.ReadAsync(client.InvokeAsync("no-such-function", "{}"));
        var allowed = await InvokeResult.ReadAsync(client.InvokeAsync(Name("WhoAmI"), "{}", qualifier: "$LATEST"));

        Assert.Multiple(() =>
        {
            Assert.That(denied.Status, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(denied.Header("x-amzn-ErrorType"), Is.EqualTo("AccessDeniedException"));
            Assert.That(denied.Json.GetProperty("Message").GetString(), Is.EqualTo(
                $"User: {viewer.CallerArn} is not authorized to perform: lambda:InvokeFunction on resource: {arn} because no identity-based policy allows the lambda:InvokeFunction action"));
            Assert.That(qualified.Json.GetProperty("Message").GetString(), Does.Contain($"on resource: {arn}:$LATEST "));
            Assert.That(unknown.Status, Is.EqualTo(HttpStatusCode.Forbidden), "authorization comes before existence: a denied caller learns nothing");
            Assert.That(allowed.Status, Is.EqualTo(HttpStatusCode.OK), allowed.Text);
        });
    }

    [Test]
    public async Task Unknown_function_is_404_ResourceNotFoundException()
    {
        using var client = Client(_admin);

        var result = await InvokeResult.ReadAsync(client.InvokeAsync("no-such-function", "{}"));

        Assert.That(result.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(result.Header("x-amzn-ErrorType"), Is.EqualTo("ResourceNotFoundException"));
        Assert.That(result.Json.GetProperty("Type").GetString(), Is.EqualTo("User"));
        Assert.That(result.Json.GetProperty("Message").GetString(),
            Is.EqualTo($"Function not found: arn:aws:lambda:{_cloud.Cloud.Stack.Region}:{_cloud.Cloud.Stack.AccountId}:function:no-such-function"));
        Assert.That(result.Header("x-amzn-RequestId"), Does.Match("^[0-9a-f-]{36}$"));
    }

    [Test]
    public async Task Versions_other_than_LATEST_bad_parameters_and_unknown_operations_are_refused()
    {
        using var client = Client(_admin);
        var arn = _cloud.Cloud.Stack.Functions.Single(f => f.Name == Name("WhoAmI")).Arn;

        var version = await InvokeResult.ReadAsync(client.InvokeAsync(Name("WhoAmI"), "{}", qualifier: "1"));
        var getUnknown = await InvokeResult.ReadAsync(client.SendAsync(HttpMethod.Get, "/2015-03-31/functions/no-such-function", null, null));
        var badMaxItems = await InvokeResult.ReadAsync(client.SendAsync(HttpMethod.Get, "/2015-03-31/functions/", "MaxItems=0", null));
        var badName = await InvokeResult.ReadAsync(client.InvokeAsync("not a name", "{}"));
        var unknownOperation = await InvokeResult.ReadAsync(client.SendAsync(HttpMethod.Delete, $"/2015-03-31/functions/{Name("WhoAmI")}", null, null));

        Assert.Multiple(() =>
        {
            Assert.That(version.Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(version.Json.GetProperty("Message").GetString(), Is.EqualTo($"Function not found: {arn}:1"));
            Assert.That(getUnknown.Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(getUnknown.Header("x-amzn-ErrorType"), Is.EqualTo("ResourceNotFoundException"));
            Assert.That(badMaxItems.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(badMaxItems.Header("x-amzn-ErrorType"), Is.EqualTo("ValidationException"));
            Assert.That(badMaxItems.Json.GetProperty("message").GetString(), Does.StartWith("1 validation error detected: Value '0' at 'maxItems'"));
            Assert.That(badName.Header("x-amzn-ErrorType"), Is.EqualTo("ValidationException"));
            Assert.That(unknownOperation.Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(unknownOperation.Header("x-amzn-ErrorType"), Is.EqualTo("UnknownOperationException"));
        });
    }

    [Test]
    public async Task Unsigned_request_is_refused()
    {
        using var http = new HttpClient { BaseAddress = _cloud.Endpoint };
        using var response = await http.PostAsync($"/2015-03-31/functions/{Name("WhoAmI")}/invocations", new StringContent("{}"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Headers.TryGetValues("x-amzn-ErrorType", out var codes), Is.True);
        Assert.That(codes!.Single(), Is.Not.Empty);
    }

    [Test]
    public async Task GetFunction_and_ListFunctions_return_the_models_shapes()
    {
        using var client = Client(_admin);
        var whoAmI = _cloud.Cloud.Stack.Functions.Single(f => f.Name == Name("WhoAmI"));

        var get = await InvokeResult.ReadAsync(client.SendAsync(HttpMethod.Get, $"/2015-03-31/functions/{whoAmI.Name}", null, null));
        var page1 = await InvokeResult.ReadAsync(client.SendAsync(HttpMethod.Get, "/2015-03-31/functions/", "MaxItems=3", null));
        var marker = page1.Json.GetProperty("NextMarker").GetString()!;
        var page2 = await InvokeResult.ReadAsync(client.SendAsync(HttpMethod.Get, "/2015-03-31/functions/", $"Marker={Uri.EscapeDataString(marker)}&MaxItems=3", null));
        using var viewerClient = Client(Cognito("ViewersRole"));
        var viewerList = await InvokeResult.ReadAsync(viewerClient.SendAsync(HttpMethod.Get, "/2015-03-31/functions/", null, null));

        var configuration = get.Json.GetProperty("Configuration");
        var names = page1.Json.GetProperty("Functions").EnumerateArray().Concat(page2.Json.GetProperty("Functions").EnumerateArray())
            .Select(f => f.GetProperty("FunctionName").GetString()).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(get.Status, Is.EqualTo(HttpStatusCode.OK), get.Text);
            Assert.That(configuration.GetProperty("FunctionArn").GetString(), Is.EqualTo(whoAmI.Arn));
            Assert.That(configuration.GetProperty("Role").GetString(), Is.EqualTo(whoAmI.RoleArn));
            Assert.That(configuration.GetProperty("Timeout").GetInt32(), Is.EqualTo((int)whoAmI.Timeout.TotalSeconds));
            Assert.That(configuration.GetProperty("MemorySize").GetInt32(), Is.EqualTo(whoAmI.MemorySizeMb));
            Assert.That(configuration.GetProperty("Version").GetString(), Is.EqualTo("$LATEST"));
            Assert.That(configuration.GetProperty("LastModified").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$"));
            Assert.That(get.Json.GetProperty("Code").GetProperty("RepositoryType").GetString(), Is.EqualTo("S3"));
            Assert.That(page1.Json.GetProperty("Functions").GetArrayLength(), Is.EqualTo(3));
            Assert.That(page2.Json.TryGetProperty("NextMarker", out _), Is.False);
            Assert.That(names, Is.EquivalentTo(_cloud.Cloud.Stack.Functions.Select(f => f.Name)));
            Assert.That(viewerList.Status, Is.EqualTo(HttpStatusCode.Forbidden), "viewers may not lambda:ListFunctions");
        });
    }

    [Test]
    public async Task ProcessUpload_refuses_a_key_outside_the_callers_prefix_as_a_function_error()
    {
        var caller = Cognito("UploadersRole");
        using var client = Client(caller);

        var result = await InvokeResult.ReadAsync(client.InvokeAsync(Name("ProcessUpload"), "{\"key\":\"private/someone-else/file.bin\"}"));

        Assert.That(result.Status, Is.EqualTo(HttpStatusCode.OK), result.Text);
        Assert.That(result.Header("X-Amz-Function-Error"), Is.EqualTo("Unhandled"));
        Assert.That(result.Json.GetProperty("errorType").GetString(), Is.EqualTo("Forbidden"), result.Text);
    }

    [Test]
    public async Task Cold_start_of_a_real_worker_is_measured()
    {
        using var client = Client(_admin);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        // AdminReport without an identity answers with a function error at once: a pure start-up plus round trip.
        var result = await InvokeResult.ReadAsync(client.InvokeAsync(Name("AdminReport"), "{}"));
        var cold = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        started = System.Diagnostics.Stopwatch.GetTimestamp();
        var warm = await InvokeResult.ReadAsync(client.InvokeAsync(Name("AdminReport"), "{}"));
        var warmMs = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        TestContext.Out.WriteLine($"AdminReport first Invoke (process start + Runtime API + round trip): {cold:0.0} ms; second (warm): {warmMs:0.00} ms");
        Assert.That(result.Status, Is.EqualTo(HttpStatusCode.OK), result.Text);
        Assert.That(warm.Status, Is.EqualTo(HttpStatusCode.OK), warm.Text);
    }

    [Test]
    public async Task Warm_invoke_round_trip_of_WhoAmI_is_measured()
    {
        using var client = Client(Cognito("UploadersRole"));
        var name = Name("WhoAmI");
        for (var i = 0; i < 30; i++)
        {
            using var warm = await client.InvokeAsync(name, "{}");
            Assert.That(warm.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var samples = new List<double>(500);
        for (var i = 0; i < 500; i++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using var response = await client.InvokeAsync(name, "{}");
            await response.Content.ReadAsByteArrayAsync();
            samples.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        samples.Sort();
        var median = samples[samples.Count / 2];
        var p99 = samples[(int)Math.Ceiling(samples.Count * 0.99) - 1];
        TestContext.Out.WriteLine($"warm Invoke WhoAmI over loopback, signed, n={samples.Count}: median {median:0.000} ms, p99 {p99:0.000} ms, max {samples[^1]:0.000} ms");
        Assert.That(samples, Has.Count.EqualTo(500));
    }
}
