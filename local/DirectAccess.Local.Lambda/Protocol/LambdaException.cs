namespace DirectAccess.Local.Lambda.Protocol;

/// <summary>
/// A Lambda API error to send as-is: HTTP status, the <c>x-amzn-ErrorType</c> code and the message, in the body shape
/// AWS uses for that code (see <see cref="LambdaErrorBody"/>). Thrown inside an operation and written by the handler.
/// </summary>
public sealed class LambdaException : Exception
{
    /// <summary>Creates an error.</summary>
    /// <param name="statusCode">HTTP status, per the error shape in botocore's <c>lambda/2015-03-31</c> model.</param>
    /// <param name="errorCode">The AWS error code, e.g. <c>ResourceNotFoundException</c>.</param>
    /// <param name="message">AWS's message text.</param>
    /// <param name="body">Which JSON shape the body takes.</param>
    public LambdaException(int statusCode, string errorCode, string message, LambdaErrorBody body = LambdaErrorBody.UserTypeAndMessage)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        Body = body;
    }

    /// <summary>HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>AWS error code, sent in <c>x-amzn-ErrorType</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>Body shape.</summary>
    public LambdaErrorBody Body { get; }

    /// <summary>Extra members for the body (e.g. <c>Reason</c> of <c>TooManyRequestsException</c>); null for none.</summary>
    public IReadOnlyDictionary<string, string>? ExtraMembers { get; init; }

    /// <summary>Extra response headers (e.g. <c>Retry-After</c>); null for none.</summary>
    public IReadOnlyDictionary<string, string>? ExtraHeaders { get; init; }

    /// <summary>404 <c>ResourceNotFoundException</c> "Function not found: &lt;arn&gt;".</summary>
    public static LambdaException FunctionNotFound(string functionArn) =>
        new(404, "ResourceNotFoundException", $"Function not found: {functionArn}", LambdaErrorBody.UserTypeAndCapitalMessage);

    /// <summary>
    /// 400 <c>ValidationException</c> with body <c>{"message":"1 validation error detected: ..."}</c>: a parameter
    /// breaks the model's constraints (pattern, range, enum), checked before the operation runs.
    /// </summary>
    public static LambdaException Validation(string message) => new(400, "ValidationException", message, LambdaErrorBody.MessageOnly);

    /// <summary>400 <c>InvalidParameterValueException</c>.</summary>
    public static LambdaException InvalidParameterValue(string message) => new(400, "InvalidParameterValueException", message);

    /// <summary>400 <c>InvalidRequestContentException</c>.</summary>
    public static LambdaException InvalidRequestContent(string message) => new(400, "InvalidRequestContentException", message);

    /// <summary>413 <c>RequestTooLargeException</c>.</summary>
    public static LambdaException RequestTooLarge(string message) => new(413, "RequestTooLargeException", message);

    /// <summary>429 <c>TooManyRequestsException</c> "Rate Exceeded." with <c>Reason</c> and <c>Retry-After</c> (seconds).</summary>
    public static LambdaException TooManyRequests(string reason, int retryAfterSeconds) =>
        new(429, "TooManyRequestsException", "Rate Exceeded.")
        {
            ExtraMembers = new Dictionary<string, string> { ["Reason"] = reason },
            ExtraHeaders = new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };

    /// <summary>500 <c>ServiceException</c> (Type <c>Service</c>): the local Lambda itself failed.</summary>
    public static LambdaException Service(string message) =>
        new(500, "ServiceException", message, LambdaErrorBody.ServiceTypeAndCapitalMessage);
}

/// <summary>
/// The JSON body shapes Lambda sends with errors. Modeled service errors carry <c>Type</c> (<c>User</c> or
/// <c>Service</c>) and the message member as spelled in the model (<c>message</c> for most, <c>Message</c> for
/// <c>ResourceNotFoundException</c> and <c>ServiceException</c>); errors raised by the request authorizer
/// (<c>AccessDeniedException</c>) carry only <c>Message</c>, and signature errors only <c>message</c>.
/// </summary>
public enum LambdaErrorBody
{
    /// <summary><c>{"Type":"User","message":"..."}</c>.</summary>
    UserTypeAndMessage,

    /// <summary><c>{"Type":"User","Message":"..."}</c>.</summary>
    UserTypeAndCapitalMessage,

    /// <summary><c>{"Type":"Service","Message":"..."}</c>.</summary>
    ServiceTypeAndCapitalMessage,

    /// <summary><c>{"Message":"..."}</c> (authorization denials).</summary>
    CapitalMessageOnly,

    /// <summary><c>{"message":"..."}</c> (authentication failures).</summary>
    MessageOnly,
}
