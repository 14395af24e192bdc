namespace DirectAccess.Client.Functions;

/// <summary><c>Invoke</c> request (lambda 2015-03-31 service model): function, payload bytes, invocation and log type.</summary>
public sealed class InvokeRequest
{
    /// <summary>Function name, ARN or partial ARN.</summary>
    public required string FunctionName { get; init; }

    /// <summary>JSON payload bytes (≤ 6 MB for <c>RequestResponse</c>, 1 MB for <c>Event</c>... see <see cref="LambdaInvokeClient"/>).</summary>
    public ReadOnlyMemory<byte> Payload { get; init; } = "{}"u8.ToArray();

    /// <summary><c>RequestResponse</c> (default), <c>Event</c> (async, 202) or <c>DryRun</c> (204).</summary>
    public string InvocationType { get; init; } = "RequestResponse";

    /// <summary><c>Tail</c> to receive the last 4 KB of log in <see cref="InvokeResponse.LogResult"/>; null for none.</summary>
    public string? LogType { get; init; }

    /// <summary>Version or alias; null for <c>$LATEST</c>.</summary>
    public string? Qualifier { get; init; }

    /// <summary>Base64 JSON client context (≤ 3,583 bytes); null for none.</summary>
    public string? ClientContextBase64 { get; init; }
}

/// <summary><c>Invoke</c> response. Function errors do not throw here (as in the AWS SDK): check <see cref="FunctionError"/>.</summary>
public sealed class InvokeResponse
{
    /// <summary>HTTP status: 200, 202 (Event) or 204 (DryRun).</summary>
    public int StatusCode { get; init; }

    /// <summary><c>X-Amz-Function-Error</c> (<c>Unhandled</c>/<c>Handled</c>) or null on success.</summary>
    public string? FunctionError { get; init; }

    /// <summary>Decoded log tail (from Base64 <c>X-Amz-Log-Result</c>) or null.</summary>
    public string? LogResult { get; init; }

    /// <summary><c>X-Amz-Executed-Version</c>.</summary>
    public string? ExecutedVersion { get; init; }

    /// <summary>The request id (<c>x-amzn-RequestId</c>).</summary>
    public string? RequestId { get; init; }

    /// <summary>Response payload bytes (the function's result or error document).</summary>
    public byte[] Payload { get; init; } = [];
}
