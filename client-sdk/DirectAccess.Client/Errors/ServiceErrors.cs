using System.Net;
using Amazon.Runtime;

namespace DirectAccess.Client.Errors;

/// <summary>Turns an AWS error (code, message, request id) into the matching typed exception.</summary>
internal static class ServiceErrors
{
    public static DirectAccessServiceException Create(string code, string message, string? requestId, HttpStatusCode status, string service, Exception? inner = null) =>
        code switch
        {
            "NotAuthorizedException" => new NotAuthorizedException(message, requestId, status, service),
            "UserNotConfirmedException" => new UserNotConfirmedException(message, requestId, status, service),
            "PasswordResetRequiredException" => new PasswordResetRequiredException(message, requestId, status, service),
            "UserNotFoundException" => new UserNotFoundException(message, requestId, status, service),
            "ResourceNotFoundException" => new ResourceNotFoundException(message, requestId, status, service),
            "InvalidParameterException" => new InvalidParameterException(message, requestId, status, service),
            "InvalidPasswordException" => new InvalidPasswordException(message, requestId, status, service),
            "InvalidIdentityPoolConfigurationException" => new InvalidIdentityPoolConfigurationException(message, requestId, status, service),
            "TooManyRequestsException" => new TooManyRequestsException(message, requestId, status, service),
            "UsernameExistsException" => new UsernameExistsException(message, requestId, status, service),
            "AccessDenied" or "AccessDeniedException" => new AccessDeniedException(code, message, requestId, status, service, inner),
            _ => new DirectAccessServiceException(code, message, requestId, status, service, inner),
        };

    /// <summary>Wraps an AWS SDK service exception (S3, STS) into ours, keeping code, message and request id.</summary>
    public static DirectAccessServiceException From(AmazonServiceException e, string service) =>
        Create(e.ErrorCode ?? e.StatusCode.ToString(), e.Message, e.RequestId, e.StatusCode, service, e);

    /// <summary>
    /// AWS error codes arrive as <c>Code</c>, <c>prefix#Code</c> or <c>Code:http://...</c> (JSON protocols,
    /// <c>x-amzn-ErrorType</c>); this keeps the bare code.
    /// </summary>
    public static string NormalizeCode(string raw)
    {
        var code = raw;
        var colon = code.IndexOf(':');
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        return hash >= 0 ? code[(hash + 1)..] : code;
    }
}
