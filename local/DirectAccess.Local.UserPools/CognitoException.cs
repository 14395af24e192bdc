namespace DirectAccess.Local.UserPools;

/// <summary>
/// An error to return in Cognito's JSON 1.1 shape: HTTP <see cref="StatusCode"/>, header <c>x-amzn-ErrorType</c> and body
/// <c>{"__type":"&lt;ErrorType&gt;","message":"..."}</c>. Types and messages are those of the Cognito user pools API
/// reference (e.g. <c>NotAuthorizedException</c> "Incorrect username or password.").
/// </summary>
public sealed class CognitoException(string errorType, string message, int statusCode = 400) : Exception(message)
{
    /// <summary>AWS's error type, e.g. <c>InvalidParameterException</c>.</summary>
    public string ErrorType { get; } = errorType;

    /// <summary>HTTP status (400 for client errors, 500 for <c>InternalErrorException</c>).</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>Wrong password or unknown user — one message for both (PreventUserExistenceErrors: ENABLED).</summary>
    public static CognitoException IncorrectCredentials() => new("NotAuthorizedException", "Incorrect username or password.");

    /// <summary><c>InvalidParameterException</c> with <paramref name="message"/>.</summary>
    public static CognitoException InvalidParameter(string message) => new("InvalidParameterException", message);

    /// <summary><c>NotAuthorizedException</c> with <paramref name="message"/>.</summary>
    public static CognitoException NotAuthorized(string message) => new("NotAuthorizedException", message);

    /// <summary><c>UserNotFoundException</c> "User does not exist." (admin calls; sign-in never says this).</summary>
    public static CognitoException UserNotFound() => new("UserNotFoundException", "User does not exist.");
}
