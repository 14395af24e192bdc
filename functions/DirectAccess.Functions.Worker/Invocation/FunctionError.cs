namespace DirectAccess.Functions.Worker.Invocation;

/// <summary>
/// A function error as reported to the Runtime API (<c>{"errorMessage","errorType","stackTrace":[...]}</c>) and, by
/// Lambda, to the caller of Invoke with <c>X-Amz-Function-Error: Unhandled</c> (AWS Lambda developer guide,
/// "Using the Lambda runtime API for custom runtimes", "Invocation error").
/// </summary>
/// <param name="ErrorType">A short type name, e.g. <c>Forbidden</c>, <c>InvalidRequest</c>, or the .NET exception type name.</param>
/// <param name="ErrorMessage">A human-readable message.</param>
/// <param name="StackTrace">Stack frames, one per entry; empty when none.</param>
public sealed record FunctionError(string ErrorType, string ErrorMessage, IReadOnlyList<string> StackTrace)
{
    /// <summary>
    /// Describes an exception: <see cref="FunctionErrorException.ErrorType"/> when it is one, otherwise the exception's
    /// .NET type name (as the AWS .NET runtime does), its message, and its stack trace split into lines.
    /// </summary>
    /// <param name="exception">The exception thrown by a function or middleware.</param>
    /// <returns>The error to post to <c>/error</c>.</returns>
    public static FunctionError From(Exception exception)
    {
        var errorType = exception is FunctionErrorException functionError ? functionError.ErrorType : exception.GetType().Name;
        var frames = (exception.StackTrace ?? string.Empty)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new FunctionError(errorType, exception.Message, frames);
    }
}
