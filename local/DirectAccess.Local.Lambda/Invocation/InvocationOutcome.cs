namespace DirectAccess.Local.Lambda.Invocation;

/// <summary>How an invocation ended, in the terms of the Invoke response.</summary>
/// <param name="Payload">The function's response, or the error document when <paramref name="FunctionError"/> is set.</param>
/// <param name="FunctionError"><c>Unhandled</c> for any function, runtime or sandbox error (<c>X-Amz-Function-Error</c>); null on success.</param>
/// <param name="ErrorType">The error document's <c>errorType</c> (for logs), or null.</param>
/// <param name="LogTail">Base64 of the last 4 KB of the invocation's log when a tail was asked for, else null.</param>
public sealed record InvocationOutcome(ReadOnlyMemory<byte> Payload, string? FunctionError, string? ErrorType, string? LogTail)
{
    /// <summary>The value of <c>X-Amz-Function-Error</c> Lambda sends for every failed invocation today.</summary>
    public const string Unhandled = "Unhandled";

    /// <summary>The function returned <paramref name="payload"/>.</summary>
    public static InvocationOutcome Success(ReadOnlyMemory<byte> payload) => new(payload, null, null, null);

    /// <summary>The function (or the runtime) reported <paramref name="errorDocument"/> of type <paramref name="errorType"/>.</summary>
    public static InvocationOutcome Error(ReadOnlyMemory<byte> errorDocument, string? errorType) => new(errorDocument, Unhandled, errorType, null);

    /// <summary>True when the function failed.</summary>
    public bool Failed => FunctionError is not null;
}
