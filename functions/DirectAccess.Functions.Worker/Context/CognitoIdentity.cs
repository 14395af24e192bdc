namespace DirectAccess.Functions.Worker.Context;

/// <summary>
/// The caller's Amazon Cognito identity, as Lambda passes it in the Runtime API header
/// <c>Lambda-Runtime-Cognito-Identity</c> (<c>{"cognitoIdentityId":"...","cognitoIdentityPoolId":"..."}</c>) when the
/// Invoke was signed with credentials obtained from a Cognito identity pool (AWS Lambda developer guide, "Using the
/// Lambda runtime API for custom runtimes" and "Lambda context object in C#", <c>context.Identity</c>).
/// </summary>
/// <param name="IdentityId">The identity id, <c>&lt;region&gt;:&lt;guid&gt;</c>; never empty.</param>
/// <param name="IdentityPoolId">The identity pool id, <c>&lt;region&gt;:&lt;guid&gt;</c>; empty when Lambda did not send it.</param>
public sealed record CognitoIdentity(string IdentityId, string IdentityPoolId);
