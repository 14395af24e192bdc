namespace DirectAccess.Functions.Worker.Logging;

/// <summary>
/// The request id of the invocation running on this async flow, so every log line written during it carries it
/// (as Lambda's JSON log format does with <c>requestId</c>) without the function passing it around.
/// </summary>
internal static class CurrentInvocation
{
    private static readonly AsyncLocal<string?> RequestId = new();

    /// <summary>The current request id, or null outside an invocation.</summary>
    public static string? AwsRequestId => RequestId.Value;

    /// <summary>Marks the current async flow as running <paramref name="awsRequestId"/> (null to clear).</summary>
    public static void Set(string? awsRequestId) => RequestId.Value = awsRequestId;
}
