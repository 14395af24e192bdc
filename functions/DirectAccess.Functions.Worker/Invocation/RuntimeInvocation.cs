using DirectAccess.Functions.Worker.Context;

namespace DirectAccess.Functions.Worker.Invocation;

/// <summary>
/// One invocation as the Runtime API's <c>GET /2018-06-01/runtime/invocation/next</c> describes it in its headers
/// (AWS Lambda developer guide, "Using the Lambda runtime API for custom runtimes", "Next invocation").
/// </summary>
/// <param name="AwsRequestId">Header <c>Lambda-Runtime-Aws-Request-Id</c>; never empty.</param>
/// <param name="Deadline">Header <c>Lambda-Runtime-Deadline-Ms</c> (Unix epoch milliseconds), as a UTC instant.</param>
/// <param name="InvokedFunctionArn">Header <c>Lambda-Runtime-Invoked-Function-Arn</c>; empty when absent.</param>
/// <param name="TraceId">Header <c>Lambda-Runtime-Trace-Id</c> (X-Ray tracing header value), or null.</param>
/// <param name="Identity">Parsed <c>Lambda-Runtime-Cognito-Identity</c>, or null when the header was not sent.</param>
/// <param name="ClientContext">Parsed <c>Lambda-Runtime-Client-Context</c>, or null when the header was not sent.</param>
public sealed record RuntimeInvocation(
    string AwsRequestId,
    DateTimeOffset Deadline,
    string InvokedFunctionArn,
    string? TraceId,
    CognitoIdentity? Identity,
    ClientContext? ClientContext);
