using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DirectAccess.Functions.Worker.Context;
using DirectAccess.Functions.Worker.Hosting;
using DirectAccess.Functions.Worker.Invocation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace DirectAccess.Functions.Tests.Support;

/// <summary>
/// One of the app's functions in a real worker host (DI, middleware, serialization), invoked in memory with a chosen
/// Cognito identity. The Runtime API's HTTP side is covered by the worker tests; this drives the functions against S3.
/// </summary>
public sealed class InMemoryFunctionHost : IAsyncDisposable
{
    private readonly FunctionsWorkerHost _host;

    private InMemoryFunctionHost(FunctionsWorkerHost host) => _host = host;

    public static InMemoryFunctionHost Create(string functionName, IReadOnlyDictionary<string, string?> settings)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["DIRECTACCESS_FUNCTION"] = functionName,
            ["AWS_LAMBDA_FUNCTION_NAME"] = "directaccess-" + functionName,
        });
        builder.Logging.ClearProviders();
        builder.AddDirectAccessFunctions();
        return new InMemoryFunctionHost(builder.Build());
    }

    public static CognitoIdentity Identity(string identityId) => new(identityId, "us-east-1:00000000-0000-0000-0000-0000000000aa");

    public async Task<(FunctionError? Error, TResponse? Response)> InvokeAsync<TRequest, TResponse>(
        TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CognitoIdentity? identity)
    {
        var invocation = new RuntimeInvocation(
            Guid.NewGuid().ToString(), DateTimeOffset.UtcNow.AddMinutes(5), "arn:aws:lambda:us-east-1:123456789012:function:test", null, identity, null);
        using var payload = new MemoryStream();
        await JsonSerializer.SerializeAsync(payload, request, requestType);
        payload.Position = 0;
        using var output = new ResponseBuffer();
        var outcome = await _host.InvokeAsync(invocation, payload, output);
        return outcome.Error is { } error
            ? (error, default)
            : (null, JsonSerializer.Deserialize(output.ToArray(), responseType));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
