namespace DirectAccess.Local.Lambda.RuntimeApi;

/// <summary>Header names of the Lambda Runtime API (AWS Lambda developer guide, "Using the Lambda runtime API").</summary>
public static class RuntimeApiHeaders
{
    /// <summary>The invocation's request id.</summary>
    public const string AwsRequestId = "Lambda-Runtime-Aws-Request-Id";

    /// <summary>Deadline in Unix epoch milliseconds.</summary>
    public const string DeadlineMs = "Lambda-Runtime-Deadline-Ms";

    /// <summary>The ARN that was invoked (with qualifier when given).</summary>
    public const string InvokedFunctionArn = "Lambda-Runtime-Invoked-Function-Arn";

    /// <summary>X-Ray tracing header.</summary>
    public const string TraceId = "Lambda-Runtime-Trace-Id";

    /// <summary>The caller's client context JSON (only when given).</summary>
    public const string ClientContext = "Lambda-Runtime-Client-Context";

    /// <summary><c>{"cognitoIdentityId","cognitoIdentityPoolId"}</c> (only for identity-pool callers).</summary>
    public const string CognitoIdentity = "Lambda-Runtime-Cognito-Identity";

    /// <summary>Optional error type on <c>/error</c> and <c>/init/error</c> posts.</summary>
    public const string FunctionErrorType = "Lambda-Runtime-Function-Error-Type";
}
