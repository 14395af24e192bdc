using System.Net;

namespace DirectAccess.Client.Errors;

/// <summary>
/// The Lambda function ran and failed: Invoke answered 200 with <c>X-Amz-Function-Error</c> (<c>Unhandled</c> or
/// <c>Handled</c>) and the error document <c>{"errorMessage","errorType","stackTrace"}</c> as the body
/// (Lambda Invoke API reference).
/// </summary>
public sealed class FunctionErrorException : DirectAccessServiceException
{
    /// <summary>Creates the exception from the parsed error document.</summary>
    public FunctionErrorException(string functionName, string functionError, string errorType, string errorMessage, IReadOnlyList<string> stackTrace, string? requestId, string? logResult)
        : base(functionError, $"{functionName} failed: {errorType}: {errorMessage}", requestId, HttpStatusCode.OK, "lambda")
    {
        FunctionName = functionName;
        FunctionError = functionError;
        ErrorType = errorType;
        ErrorMessage = errorMessage;
        FunctionStackTrace = stackTrace;
        LogResult = logResult;
    }

    /// <summary>The function name that was invoked.</summary>
    public string FunctionName { get; }

    /// <summary>The <c>X-Amz-Function-Error</c> header value (<c>Unhandled</c> or <c>Handled</c>).</summary>
    public string FunctionError { get; }

    /// <summary>The <c>errorType</c> of the error document (e.g. the exception type name).</summary>
    public string ErrorType { get; }

    /// <summary>The <c>errorMessage</c> of the error document.</summary>
    public string ErrorMessage { get; }

    /// <summary>The <c>stackTrace</c> lines of the error document (empty when absent).</summary>
    public IReadOnlyList<string> FunctionStackTrace { get; }

    /// <summary>The decoded tail of the function's log when the call asked for it (<c>X-Amz-Log-Type: Tail</c>), else null.</summary>
    public string? LogResult { get; }
}
