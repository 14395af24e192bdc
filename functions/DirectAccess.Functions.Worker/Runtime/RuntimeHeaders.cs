using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using DirectAccess.Functions.Worker.Context;
using DirectAccess.Functions.Worker.Invocation;
using DirectAccess.Functions.Worker.Serialization;

namespace DirectAccess.Functions.Worker.Runtime;

/// <summary>
/// Reads a <c>/runtime/invocation/next</c> response's headers into a <see cref="RuntimeInvocation"/>, with the header
/// names of the AWS Lambda developer guide ("Using the Lambda runtime API for custom runtimes").
/// </summary>
internal static class RuntimeHeaders
{
    public const string AwsRequestId = "Lambda-Runtime-Aws-Request-Id";
    public const string DeadlineMs = "Lambda-Runtime-Deadline-Ms";
    public const string InvokedFunctionArn = "Lambda-Runtime-Invoked-Function-Arn";
    public const string TraceId = "Lambda-Runtime-Trace-Id";
    public const string ClientContext = "Lambda-Runtime-Client-Context";
    public const string CognitoIdentity = "Lambda-Runtime-Cognito-Identity";
    public const string FunctionErrorType = "Lambda-Runtime-Function-Error-Type";

    /// <summary>Parses the headers.</summary>
    /// <exception cref="RuntimeApiException">No request id: nothing can be reported, so the runtime must stop.</exception>
    /// <exception cref="InvalidInvocationException">Another header is missing or malformed.</exception>
    public static RuntimeInvocation Parse(HttpResponseHeaders headers)
    {
        var requestId = Single(headers, AwsRequestId);
        if (string.IsNullOrEmpty(requestId))
        {
            throw new RuntimeApiException($"The Runtime API sent an invocation without {AwsRequestId}.");
        }

        if (!long.TryParse(Single(headers, DeadlineMs), NumberStyles.None, CultureInfo.InvariantCulture, out var deadlineMs))
        {
            throw new InvalidInvocationException(requestId, $"Header {DeadlineMs} is missing or not a number of milliseconds.");
        }

        return new RuntimeInvocation(
            requestId,
            DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs),
            Single(headers, InvokedFunctionArn) ?? string.Empty,
            Single(headers, TraceId),
            ParseIdentity(requestId, Single(headers, CognitoIdentity)),
            ParseClientContext(requestId, Single(headers, ClientContext)));
    }

    /// <summary>
    /// Parses <c>{"cognitoIdentityId","cognitoIdentityPoolId"}</c>. A header without an identity id means "no
    /// identity" (null); a header that is not that JSON is refused rather than read as anonymous.
    /// </summary>
    internal static CognitoIdentity? ParseIdentity(string requestId, string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        var header = Deserialize(requestId, CognitoIdentity, json, static text => JsonSerializer.Deserialize(text, RuntimeJsonContext.Default.CognitoIdentityHeader));
        return string.IsNullOrEmpty(header?.CognitoIdentityId)
            ? null
            : new CognitoIdentity(header.CognitoIdentityId, header.CognitoIdentityPoolId ?? string.Empty);
    }

    /// <summary>Parses <c>{"client":{...},"custom":{...},"env":{...}}</c>; malformed JSON is refused.</summary>
    internal static ClientContext? ParseClientContext(string requestId, string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        var header = Deserialize(requestId, ClientContext, json, static text => JsonSerializer.Deserialize(text, RuntimeJsonContext.Default.ClientContextHeader));
        if (header is null)
        {
            return null;
        }

        var client = header.Client is { } c
            ? new ClientApplication(c.InstallationId, c.AppTitle, c.AppVersionName, c.AppVersionCode, c.AppPackageName)
            : null;
        return new ClientContext(
            client,
            header.Custom ?? new Dictionary<string, string>(),
            header.Env ?? new Dictionary<string, string>());
    }

    private static T? Deserialize<T>(string requestId, string headerName, string json, Func<string, T?> parse)
    {
        try
        {
            return parse(json);
        }
        catch (JsonException exception)
        {
            throw new InvalidInvocationException(requestId, $"Header {headerName} is not valid JSON of the documented shape.", exception);
        }
    }

    private static string? Single(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
