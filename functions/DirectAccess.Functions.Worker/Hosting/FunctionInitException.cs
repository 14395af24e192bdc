namespace DirectAccess.Functions.Worker.Hosting;

/// <summary>
/// Start-up cannot serve the configured function; posted to <c>/runtime/init/error</c> with <see cref="ErrorType"/>
/// and the process exits with <see cref="WorkerExitCodes.InitError"/>.
/// </summary>
public sealed class FunctionInitException(string errorType, string message) : Exception(message)
{
    /// <summary>The errorType of an unknown function name, Lambda's own name for a handler that cannot be found.</summary>
    public const string HandlerNotFound = "Runtime.HandlerNotFound";

    /// <summary>The errorType reported to Lambda.</summary>
    public string ErrorType { get; } = errorType;
}
