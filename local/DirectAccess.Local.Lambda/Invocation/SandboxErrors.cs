using System.Globalization;
using System.Text.Json;

namespace DirectAccess.Local.Lambda.Invocation;

/// <summary>
/// The error documents Lambda itself writes when an invocation fails outside the function's own code, with AWS's
/// <c>errorType</c> values and message wording (Lambda developer guide, "Troubleshoot invocation issues"): timeouts
/// (<c>Sandbox.Timedout</c>), a runtime that exits (<c>Runtime.ExitError</c>), an oversized response
/// (<c>Function.ResponseSizeTooLarge</c>), and a runtime that never asks for work (<c>Runtime.Unknown</c>).
/// </summary>
public static class SandboxErrors
{
    /// <summary>Largest response a function may return, in bytes (6 MB + 100, as Lambda's Runtime API enforces).</summary>
    public const int MaximumResponseBytes = 6 * 1024 * 1024 + 100;

    /// <summary><c>RequestId: &lt;id&gt; Error: Task timed out after N.NN seconds</c>.</summary>
    public static InvocationOutcome Timeout(string requestId, TimeSpan timeout) =>
        Build("Sandbox.Timedout", $"RequestId: {requestId} Error: {TimeoutText(timeout)}");

    /// <summary>The log line Lambda writes on a timeout: <c>&lt;ISO time&gt; &lt;id&gt; Task timed out after N.NN seconds</c>.</summary>
    public static string TimeoutLogLine(string requestId, TimeSpan timeout, DateTimeOffset now) =>
        $"{now.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ} {requestId} {TimeoutText(timeout)}";

    /// <summary><c>RequestId: &lt;id&gt; Error: Runtime exited with error: exit status N</c> (or without a reason).</summary>
    public static InvocationOutcome RuntimeExited(string requestId, int? exitCode) =>
        Build("Runtime.ExitError", exitCode is { } code
            ? $"RequestId: {requestId} Error: Runtime exited with error: exit status {code.ToString(CultureInfo.InvariantCulture)}"
            : $"RequestId: {requestId} Error: Runtime exited without providing a reason");

    /// <summary><c>Response payload size exceeded maximum allowed payload size (6291556 bytes).</c></summary>
    public static InvocationOutcome ResponseTooLarge() =>
        Build("Function.ResponseSizeTooLarge",
            $"Response payload size exceeded maximum allowed payload size ({MaximumResponseBytes.ToString(CultureInfo.InvariantCulture)} bytes).");

    /// <summary>The runtime did not ask for the invocation within the init limit.</summary>
    public static InvocationOutcome InitTimeout(string requestId, TimeSpan limit) =>
        Build("Runtime.Unknown", $"RequestId: {requestId} Error: Runtime failed to become ready within {Seconds(limit)} seconds");

    /// <summary>The worker process could not be started at all.</summary>
    public static InvocationOutcome StartFailed(string requestId, string reason) =>
        Build("Runtime.Unknown", $"RequestId: {requestId} Error: {reason}");

    /// <summary>An error document <c>{"errorMessage":..,"errorType":..}</c>.</summary>
    public static InvocationOutcome Build(string errorType, string errorMessage)
    {
        var document = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["errorMessage"] = errorMessage,
            ["errorType"] = errorType,
        });
        return InvocationOutcome.Error(document, errorType);
    }

    private static string TimeoutText(TimeSpan timeout) => $"Task timed out after {Seconds(timeout)} seconds";

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
}
