namespace DirectAccess.Local.Identity.Protocol;

/// <summary>
/// A Cognito identity error to return as JSON 1.1: HTTP <see cref="StatusCode"/> (400 unless stated), body
/// <c>{"__type":"&lt;Type&gt;","message":"..."}</c>, header <c>x-amzn-ErrorType</c> (REFERENCE §1; botocore
/// <c>cognito-identity</c> 2014-06-30 error shapes).
/// </summary>
public sealed class IdentityPoolException(string type, string message, int statusCode = 400) : Exception(message)
{
    /// <summary>AWS error code, e.g. <c>NotAuthorizedException</c>.</summary>
    public string Type { get; } = type;

    /// <summary>HTTP status.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary><c>NotAuthorizedException</c>.</summary>
    public static IdentityPoolException NotAuthorized(string message) => new("NotAuthorizedException", message);

    /// <summary><c>InvalidParameterException</c>.</summary>
    public static IdentityPoolException InvalidParameter(string message) => new("InvalidParameterException", message);

    /// <summary><c>ResourceNotFoundException</c>.</summary>
    public static IdentityPoolException NotFound(string message) => new("ResourceNotFoundException", message);

    /// <summary><c>InvalidIdentityPoolConfigurationException</c> with Cognito's fixed message (REFERENCE §1).</summary>
    public static IdentityPoolException InvalidConfiguration() => new("InvalidIdentityPoolConfigurationException",
        "Invalid identity pool configuration. Check assigned IAM roles for this pool.");
}
