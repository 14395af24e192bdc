using System.Globalization;
using System.Text.Json;
using DirectAccess.Local.Lambda.Functions;
using DirectAccess.Local.Lambda.Invocation;
using DirectAccess.Local.Lambda.Protocol;
using DirectAccess.Local.Lambda.Workers;
using DirectAccess.Local.Security;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Lambda.Operations;

/// <summary>
/// <c>Invoke</c> (Lambda API reference, "Invoke"; REFERENCE.md §6): reads the payload (at most 6 MB synchronous,
/// 1 MB <c>Event</c>; else 413 <c>RequestTooLargeException</c>), authenticates it, authorizes
/// <c>lambda:InvokeFunction</c> on the function ARN (with <c>:&lt;qualifier&gt;</c> when one was given) before
/// looking the function up (so a denied caller learns nothing about which functions exist), then:
/// <c>DryRun</c> → 204; <c>Event</c> → 202 and the invocation runs in the background; <c>RequestResponse</c> → 200
/// with the function's response, or its error document plus <c>X-Amz-Function-Error: Unhandled</c>, and
/// <c>X-Amz-Executed-Version: $LATEST</c>; <c>X-Amz-Log-Type: Tail</c> adds <c>X-Amz-Log-Result</c>.
/// </summary>
public sealed class InvokeOperation(FunctionCatalog catalog, LambdaRequestGate gate, LambdaWorkers workers, EventInvocationQueue events, TimeProvider clock)
{
    /// <summary>Largest synchronous request payload, in bytes (6 MB).</summary>
    public const int MaximumRequestBytes = 6 * 1024 * 1024;

    /// <summary>Largest <c>Event</c> payload, in bytes (1 MB).</summary>
    public const int MaximumEventBytes = 1024 * 1024;

    /// <summary>Serves the request; <paramref name="requestId"/> becomes the invocation's request id.</summary>
    /// <exception cref="LambdaException">Any refusal, in Lambda's error shapes.</exception>
    public async Task HandleAsync(HttpContext context, string functionName, string requestId)
    {
        var request = context.Request;
        var invocationType = request.Headers[LambdaHeaders.InvocationType].ToString() switch
        {
            "" or "RequestResponse" => "RequestResponse",
            "Event" => "Event",
            "DryRun" => "DryRun",
            var other => throw LambdaException.InvalidParameterValue($"Unsupported invocation type: {other}. Use RequestResponse, Event or DryRun."),
        };
        var tail = request.Headers[LambdaHeaders.LogType].ToString() switch
        {
            "" or "None" => false,
            "Tail" => true,
            var other => throw LambdaException.InvalidParameterValue($"Unsupported log type: {other}. Use None or Tail."),
        };

        var payload = await BoundedRequestBody.ReadAsync(request, MaximumRequestBytes,
            _ => LambdaException.RequestTooLarge($"Request must be smaller than {MaximumRequestBytes} bytes for the InvokeFunction operation"),
            context.RequestAborted);
        var caller = gate.Authenticate(request, payload);
        JsonPayload.EnsureValid(payload);
        var reference = catalog.Parse(functionName, request.Query["Qualifier"].FirstOrDefault());
        gate.Authorize(caller, "lambda:InvokeFunction", reference.QualifiedArn, request);
        var function = catalog.Find(reference);
        var clientContext = ClientContextHeader.Decode(request.Headers[LambdaHeaders.ClientContext].FirstOrDefault());

        var response = context.Response;
        if (invocationType == "DryRun")
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        var pool = workers.For(function);
        var invocation = new InvocationRequest(
            requestId,
            function,
            payload,
            reference.QualifiedArn,
            InvocationIds.NewTraceId(clock.GetUtcNow()),
            // Lambda passes the client context to synchronous invocations only (Invoke API reference).
            invocationType == "RequestResponse" ? clientContext : null,
            CognitoIdentityJson(caller),
            tail && invocationType == "RequestResponse");

        if (invocationType == "Event")
        {
            if (payload.Length > MaximumEventBytes)
            {
                throw LambdaException.RequestTooLarge(
                    $"{payload.Length.ToString(CultureInfo.InvariantCulture)} byte payload is too large for the Event invocation type (limit {MaximumEventBytes} bytes)");
            }

            events.Enqueue(pool, invocation);
            response.StatusCode = StatusCodes.Status202Accepted;
            response.ContentLength = 0;
            return;
        }

        var outcome = await pool.InvokeAsync(invocation, context.RequestAborted);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.Headers[LambdaHeaders.ExecutedVersion] = FunctionCatalog.LatestVersion;
        if (outcome.FunctionError is { } functionError)
        {
            response.Headers[LambdaHeaders.FunctionError] = functionError;
        }

        if (outcome.LogTail is { } logTail)
        {
            response.Headers[LambdaHeaders.LogResult] = logTail;
        }

        response.ContentLength = outcome.Payload.Length;
        await response.Body.WriteAsync(outcome.Payload, context.RequestAborted);
    }

    /// <summary>
    /// <c>{"cognitoIdentityId":..,"cognitoIdentityPoolId":..}</c> when the caller's credentials came from a Cognito
    /// identity pool (Lambda sets <c>context.identity</c> only then); null otherwise.
    /// </summary>
    public static string? CognitoIdentityJson(CallerIdentity caller)
    {
        if (caller.IdentityId is not { Length: > 0 } identityId)
        {
            return null;
        }

        using var buffer = new MemoryStream(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("cognitoIdentityId", identityId);
            json.WriteString("cognitoIdentityPoolId", caller.IdentityPoolId ?? string.Empty);
            json.WriteEndObject();
        }

        return System.Text.Encoding.ASCII.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
