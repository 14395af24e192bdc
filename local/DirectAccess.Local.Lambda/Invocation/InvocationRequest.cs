using DirectAccess.Local.Model;

namespace DirectAccess.Local.Lambda.Invocation;

/// <summary>One invocation as the Runtime API hands it to a worker (AWS Lambda developer guide, "Runtime API").</summary>
/// <param name="AwsRequestId">The request id (lower-case GUID), also the Invoke response's <c>x-amzn-RequestId</c>.</param>
/// <param name="Function">The function to run.</param>
/// <param name="Payload">The event bytes (JSON as sent by the caller; at most 6 MB).</param>
/// <param name="InvokedFunctionArn">The ARN the caller invoked, with the qualifier when one was given.</param>
/// <param name="TraceId">Sent as <c>Lambda-Runtime-Trace-Id</c>.</param>
/// <param name="ClientContextJson">Compact JSON for <c>Lambda-Runtime-Client-Context</c>, or null.</param>
/// <param name="CognitoIdentityJson">
/// <c>{"cognitoIdentityId":..,"cognitoIdentityPoolId":..}</c> for <c>Lambda-Runtime-Cognito-Identity</c> when the
/// caller's credentials came from a Cognito identity pool; null otherwise (the header is then not sent).
/// </param>
/// <param name="CaptureLogTail">True for <c>X-Amz-Log-Type: Tail</c>: the outcome then carries the log tail.</param>
public sealed record InvocationRequest(
    string AwsRequestId,
    FunctionModel Function,
    ReadOnlyMemory<byte> Payload,
    string InvokedFunctionArn,
    string TraceId,
    string? ClientContextJson,
    string? CognitoIdentityJson,
    bool CaptureLogTail);
