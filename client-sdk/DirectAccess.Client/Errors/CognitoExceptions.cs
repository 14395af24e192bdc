using System.Net;

namespace DirectAccess.Client.Errors;

// One class per Cognito error code the SDK's callers branch on; names and meanings follow the cognito-idp and
// cognito-identity service models. Anything else surfaces as DirectAccessServiceException with its code.

/// <summary>Wrong user name or password, expired/revoked token, or a token the identity pool refuses (<c>NotAuthorizedException</c>).</summary>
public sealed class NotAuthorizedException(string message, string? requestId, HttpStatusCode status, string service)
    : DirectAccessServiceException("NotAuthorizedException", message, requestId, status, service);

/// <summary>The user has not confirmed the account (<c>UserNotConfirmedException</c>).</summary>
public sealed class UserNotConfirmedException(string message, string? requestId, HttpStatusCode status, string service)
    : DirectAccessServiceException("UserNotConfirmedException", message, requestId, status, service);

/// <summary>An administrator requires a password reset before sign-in (<c>PasswordResetRequiredException</c>).</summary>
public sealed class PasswordResetRequiredException(string message, string? requestId, HttpStatusCode status, string service)
    : DirectAccessServiceException("PasswordResetRequiredException", message, requestId, status, service);

/// <summary>No such user (<c>UserNotFoundException</c>; pools with user-existence-error prevention answer <see cref="NotAuthorizedException"/> instead).</summary>
public sealed class UserNotFoundException(string message, string? requestId, HttpStatusCode status, string service)
    : DirectAccessServiceException("UserNotFoundException", message, requestId, status, service);

/// <summary>A named resource (identity, pool, group) does not exist (<c>ResourceNotFoundException</c>).</summary>
public sealed class ResourceNotFoundException(string message, string? requestId, HttpStatusCode status, string service)
    : DirectAccessServiceException("ResourceNotFoundException", message, requestId, status, service);

/// <summary>A request parameter is invalid, or the flow is not enabled (<c>InvalidParameterException</c>).</summary>
public sealed class InvalidParameterException(string message, string? requestId, HttpStatusCode status, string service)
    : DirectAccessServiceException("InvalidParameterException", message, requestId, status, service);

/// <summary>The new password breaks the pool's password policy (<c>InvalidPasswordException</c>).</summary>
public sealed class InvalidPasswordException(string message, string? requestId, HttpStatusCode status, string service)
    : DirectAccessServiceException("InvalidPasswordException", message, requestId, status, service);

/// <summary>The identity pool has no usable role for this caller (<c>InvalidIdentityPoolConfigurationException</c>).</summary>
public sealed class InvalidIdentityPoolConfigurationException(string message, string? requestId, HttpStatusCode status, string service)
    : DirectAccessServiceException("InvalidIdentityPoolConfigurationException", message, requestId, status, service);

/// <summary>Throttled (<c>TooManyRequestsException</c>).</summary>
public sealed class TooManyRequestsException(string message, string? requestId, HttpStatusCode status, string service)
    : DirectAccessServiceException("TooManyRequestsException", message, requestId, status, service);

/// <summary>The user pool already has a user of this name (<c>UsernameExistsException</c>).</summary>
public sealed class UsernameExistsException(string message, string? requestId, HttpStatusCode status, string service)
    : DirectAccessServiceException("UsernameExistsException", message, requestId, status, service);
