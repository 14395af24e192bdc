namespace DirectAccess.Client.Functions;

/// <summary>Per-call options of a typed invoke.</summary>
public sealed record InvokeOptions
{
    /// <summary>Ask for the last 4 KB of the function's log (<c>X-Amz-Log-Type: Tail</c>); returned in <see cref="InvokeResult{T}.LogResult"/>.</summary>
    public bool TailLog { get; init; }

    /// <summary>Version or alias; null for <c>$LATEST</c>.</summary>
    public string? Qualifier { get; init; }
}

/// <summary>A typed invoke's result with its metadata.</summary>
/// <typeparam name="T">Response payload type.</typeparam>
/// <param name="Payload">The deserialized response.</param>
/// <param name="RequestId">Lambda's request id.</param>
/// <param name="ExecutedVersion">The version that ran.</param>
/// <param name="LogResult">The decoded log tail when asked for, else null.</param>
public sealed record InvokeResult<T>(T Payload, string? RequestId, string? ExecutedVersion, string? LogResult);
