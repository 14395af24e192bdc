namespace DirectAccess.Functions.Worker.Runtime;

/// <summary>
/// An invocation whose headers cannot be trusted (missing or malformed deadline, malformed Cognito identity or client
/// context). The worker fails closed: it reports a function error for that request id and never runs the function.
/// </summary>
internal sealed class InvalidInvocationException(string awsRequestId, string message, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The errorType reported for such an invocation.</summary>
    public const string ErrorType = "Runtime.InvalidInvocation";

    /// <summary>The request id the error is posted for.</summary>
    public string AwsRequestId { get; } = awsRequestId;
}
