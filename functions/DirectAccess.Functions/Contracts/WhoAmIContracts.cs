namespace DirectAccess.Functions.Contracts;

/// <summary>The <c>WhoAmI</c> payload: any JSON object; its contents are ignored (identity never comes from the payload).</summary>
public sealed record WhoAmIRequest;

/// <summary>The <c>WhoAmI</c> response: who Lambda says is calling, and which function answered.</summary>
/// <param name="IdentityId">The caller's Cognito identity id (<c>&lt;region&gt;:&lt;guid&gt;</c>), or null when the Invoke carried none.</param>
/// <param name="IdentityPoolId">The caller's identity pool id, or null when the Invoke carried none.</param>
/// <param name="FunctionName">The function's name (<c>AWS_LAMBDA_FUNCTION_NAME</c>).</param>
/// <param name="FunctionVersion">The function's version, e.g. <c>$LATEST</c>.</param>
/// <param name="AwsRequestId">This invocation's request id.</param>
public sealed record WhoAmIResponse(
    string? IdentityId,
    string? IdentityPoolId,
    string FunctionName,
    string FunctionVersion,
    string AwsRequestId);
