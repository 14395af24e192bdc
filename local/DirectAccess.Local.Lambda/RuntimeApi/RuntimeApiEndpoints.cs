using System.Globalization;
using System.Text;
using DirectAccess.Local.Lambda.Invocation;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Lambda.RuntimeApi;

/// <summary>
/// The Runtime API one worker talks to (AWS Lambda developer guide, "Using the Lambda runtime API for custom
/// runtimes"), base path <c>/2018-06-01</c>:
/// <c>GET /runtime/invocation/next</c> (long poll; the event plus the <c>Lambda-Runtime-*</c> headers),
/// <c>POST /runtime/invocation/&lt;id&gt;/response</c> and <c>/error</c> (202 <c>{"status":"OK"}</c>; 413
/// <c>RequestEntityTooLarge</c> over 6 MB; 400 <c>InvalidRequestID</c> for an id never handed out; 403
/// <c>InvalidStateTransition</c> for one already answered), and <c>POST /runtime/init/error</c> (202; the worker
/// is then discarded).
/// </summary>
public sealed class RuntimeApiEndpoints(InvocationMailbox mailbox, TimeProvider clock, Action<InvocationOutcome> onInitError)
{
    private const string Prefix = "/2018-06-01/runtime/";
    private static readonly byte[] Accepted = "{\"status\":\"OK\"}"u8.ToArray();

    /// <summary>Serves one Runtime API request.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var method = context.Request.Method;
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            await WriteErrorAsync(context.Response, 404, "UnknownPath", $"Path {path} is not part of the Runtime API.");
            return;
        }

        var rest = path[Prefix.Length..];
        if (rest == "invocation/next" && HttpMethods.IsGet(method))
        {
            await NextAsync(context);
        }
        else if (rest == "init/error" && HttpMethods.IsPost(method))
        {
            await InitErrorAsync(context);
        }
        else if (rest.StartsWith("invocation/", StringComparison.Ordinal) && HttpMethods.IsPost(method)
                 && rest.Split('/') is [_, var requestId, var verb and ("response" or "error")])
        {
            await AnswerAsync(context, requestId, isError: verb == "error");
        }
        else
        {
            await WriteErrorAsync(context.Response, 404, "UnknownPath", $"{method} {path} is not part of the Runtime API.");
        }
    }

    private async Task NextAsync(HttpContext context)
    {
        PendingInvocation next;
        try
        {
            next = await mailbox.TakeNextAsync(clock, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return; // The runtime went away while waiting; nothing was taken.
        }

        var request = next.Request;
        var headers = context.Response.Headers;
        headers[RuntimeApiHeaders.AwsRequestId] = request.AwsRequestId;
        headers[RuntimeApiHeaders.DeadlineMs] = next.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers[RuntimeApiHeaders.InvokedFunctionArn] = request.InvokedFunctionArn;
        headers[RuntimeApiHeaders.TraceId] = request.TraceId;
        if (request.ClientContextJson is not null)
        {
            headers[RuntimeApiHeaders.ClientContext] = request.ClientContextJson;
        }

        if (request.CognitoIdentityJson is not null)
        {
            headers[RuntimeApiHeaders.CognitoIdentity] = request.CognitoIdentityJson;
        }

        context.Response.ContentType = "application/json";
        context.Response.ContentLength = request.Payload.Length;
        try
        {
            await context.Response.Body.WriteAsync(request.Payload, context.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // Delivered but the runtime vanished: its exit (or the timeout) completes the invocation.
        }
    }

    private async Task AnswerAsync(HttpContext context, string requestId, bool isError)
    {
        var current = mailbox.Current;
        if (current is null || current.Request.AwsRequestId != requestId)
        {
            await WriteErrorAsync(context.Response, 400, "InvalidRequestID", $"Invalid request ID: {requestId}");
            return;
        }

        if (current.IsCompleted)
        {
            await WriteErrorAsync(context.Response, 403, "InvalidStateTransition", $"Invocation {requestId} has already been answered or has timed out.");
            return;
        }

        var body = await ReadBoundedAsync(context);
        if (body is null)
        {
            current.TryComplete(SandboxErrors.ResponseTooLarge());
            await WriteErrorAsync(context.Response, 413, "RequestEntityTooLarge",
                $"Exceeded maximum allowed payload size ({SandboxErrors.MaximumResponseBytes} bytes).");
            return;
        }

        var outcome = isError
            ? InvocationOutcome.Error(ErrorDocument(body, context.Request.Headers[RuntimeApiHeaders.FunctionErrorType].ToString()), ErrorTypeOf(context))
            : InvocationOutcome.Success(body);
        if (!current.TryComplete(outcome))
        {
            await WriteErrorAsync(context.Response, 403, "InvalidStateTransition", $"Invocation {requestId} has already been answered or has timed out.");
            return;
        }

        await WriteAcceptedAsync(context.Response);
    }

    private async Task InitErrorAsync(HttpContext context)
    {
        var body = await ReadBoundedAsync(context) ?? [];
        onInitError(InvocationOutcome.Error(ErrorDocument(body, context.Request.Headers[RuntimeApiHeaders.FunctionErrorType].ToString()), ErrorTypeOf(context)));
        await WriteAcceptedAsync(context.Response);
    }

    /// <summary>The runtime's error document; an empty body becomes <c>{"errorMessage":"","errorType":&lt;header&gt;}</c>.</summary>
    private static ReadOnlyMemory<byte> ErrorDocument(byte[] body, string headerType) =>
        body.Length > 0 ? body : SandboxErrors.Build(string.IsNullOrEmpty(headerType) ? "Runtime.Unknown" : headerType, string.Empty).Payload;

    private static string? ErrorTypeOf(HttpContext context) =>
        context.Request.Headers[RuntimeApiHeaders.FunctionErrorType].ToString() is { Length: > 0 } type ? type : null;

    /// <summary>The body, or null when it is larger than a function may return.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(HttpContext context)
    {
        try
        {
            return await Protocol.BoundedRequestBody.ReadAsync(context.Request, SandboxErrors.MaximumResponseBytes,
                static size => new Protocol.LambdaException(413, "RequestEntityTooLarge", size.ToString(CultureInfo.InvariantCulture)),
                context.RequestAborted);
        }
        catch (Protocol.LambdaException)
        {
            return null;
        }
    }

    private static async Task WriteAcceptedAsync(HttpResponse response)
    {
        response.StatusCode = 202;
        response.ContentType = "application/json";
        response.ContentLength = Accepted.Length;
        await response.Body.WriteAsync(Accepted);
    }

    private static async Task WriteErrorAsync(HttpResponse response, int status, string errorType, string message)
    {
        var body = Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["errorMessage"] = message,
            ["errorType"] = errorType,
        }));
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }
}
