namespace DirectAccess.Functions.Worker.Invocation;

/// <summary>
/// Thrown by a function (or middleware) to end the invocation with a function error whose <c>errorType</c> is chosen
/// by the function rather than derived from the .NET exception type. The worker posts it to the Runtime API's
/// <c>/runtime/invocation/&lt;id&gt;/error</c>; the Invoke caller gets it with <c>X-Amz-Function-Error: Unhandled</c>.
/// </summary>
public class FunctionErrorException : Exception
{
    /// <summary>The <c>errorType</c> of a refusal because the caller may not act on the named resource.</summary>
    public const string Forbidden = "Forbidden";

    /// <summary>The <c>errorType</c> of a payload that is missing, not JSON, or fails validation.</summary>
    public const string InvalidRequest = "InvalidRequest";

    /// <summary>Creates the exception.</summary>
    /// <param name="errorType">The <c>errorType</c> reported to Lambda, e.g. <see cref="Forbidden"/>; must not be empty.</param>
    /// <param name="message">The <c>errorMessage</c> reported to Lambda.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    /// <exception cref="ArgumentException"><paramref name="errorType"/> is empty.</exception>
    public FunctionErrorException(string errorType, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(errorType);
        ErrorType = errorType;
    }

    /// <summary>The <c>errorType</c> reported to Lambda.</summary>
    public string ErrorType { get; }
}
