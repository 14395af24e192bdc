namespace DirectAccess.Local.Lambda.Protocol;

/// <summary>HTTP header names of the Lambda Invoke API (botocore <c>lambda/2015-03-31</c>, <c>Invoke</c>).</summary>
public static class LambdaHeaders
{
    /// <summary>Request: <c>RequestResponse</c> (default) | <c>Event</c> | <c>DryRun</c>.</summary>
    public const string InvocationType = "X-Amz-Invocation-Type";

    /// <summary>Request: <c>None</c> (default) | <c>Tail</c>.</summary>
    public const string LogType = "X-Amz-Log-Type";

    /// <summary>Request: base64 JSON, at most 3,583 bytes.</summary>
    public const string ClientContext = "X-Amz-Client-Context";

    /// <summary>Response: <c>Unhandled</c> when the function failed; the body is the error document.</summary>
    public const string FunctionError = "X-Amz-Function-Error";

    /// <summary>Response: base64 of the last 4 KB of the invocation's log (with <c>X-Amz-Log-Type: Tail</c>).</summary>
    public const string LogResult = "X-Amz-Log-Result";

    /// <summary>Response: the version that ran (always <c>$LATEST</c> locally).</summary>
    public const string ExecutedVersion = "X-Amz-Executed-Version";

    /// <summary>Response: the request id of every Lambda API response.</summary>
    public const string RequestId = "x-amzn-RequestId";

    /// <summary>Response: the error code of a failed request.</summary>
    public const string ErrorType = "x-amzn-ErrorType";
}
