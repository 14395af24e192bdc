using DirectAccess.Local.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Local.UserPools.Protocol;

/// <summary>
/// Guards the admin calls (<c>Admin*</c>, <c>ListUsers</c>, <c>ListGroups</c>), which AWS requires to be SigV4-signed
/// with IAM permission: the signature is verified by the host's <see cref="IRequestAuthenticator"/> (signing name
/// <c>cognito-idp</c>) and only the local administrator passes. No authenticator registered → refuse (fail closed).
/// </summary>
public sealed class AdministratorCheck(IServiceProvider services)
{
    /// <summary>Throws unless the request is signed by the administrator.</summary>
    /// <exception cref="CognitoException">The authenticator's error (e.g. <c>MissingAuthenticationTokenException</c>,
    /// <c>InvalidSignatureException</c>), or <c>AccessDeniedException</c> for a signed non-administrator.</exception>
    public void Demand(HttpRequest request, ReadOnlySpan<byte> body, string operation, string resourceArn)
    {
        var authenticator = ResolveAuthenticator()
            ?? throw new CognitoException("InternalErrorException", "Request signature verification is not available.", 500);
        var result = authenticator.Authenticate(request, body, "cognito-idp");
        if (!result.Succeeded)
        {
            throw new CognitoException(result.ErrorCode ?? "UnrecognizedClientException",
                result.ErrorMessage ?? "The security token included in the request is invalid.", result.StatusCode);
        }

        if (!result.Caller!.IsAdministrator)
        {
            throw new CognitoException("AccessDeniedException",
                $"User: {result.Caller.CallerArn} is not authorized to perform: cognito-idp:{operation} on resource: {resourceArn}");
        }
    }

    // The authenticator depends on services of other areas; if they are missing, refuse instead of crashing the request.
    private IRequestAuthenticator? ResolveAuthenticator()
    {
        try
        {
            return services.GetService<IRequestAuthenticator>();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
