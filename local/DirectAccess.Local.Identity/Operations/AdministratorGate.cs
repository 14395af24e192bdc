using DirectAccess.Local.Identity.Protocol;
using DirectAccess.Local.Model;
using DirectAccess.Local.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Local.Identity.Operations;

/// <summary>
/// The identity pool's admin calls (<c>DescribeIdentityPool</c>, <c>GetIdentityPoolRoles</c>, <c>ListIdentities</c>)
/// are SigV4-signed (REFERENCE §1): verified by the <see cref="IRequestAuthenticator"/> resolved at request time
/// (signing name <c>cognito-identity</c>), and only the local administrator passes. No authenticator → refuse.
/// </summary>
public sealed class AdministratorGate(IServiceProvider services, StackModel stack)
{
    /// <summary>Throws unless <paramref name="call"/> is signed by the administrator.</summary>
    /// <exception cref="IdentityPoolException">The authenticator's error, or <c>NotAuthorizedException</c> for others.</exception>
    public void Demand(IdentityPoolCall call, string operation, string identityPoolId)
    {
        var authenticator = services.GetService<IRequestAuthenticator>()
            ?? throw new IdentityPoolException("InternalErrorException", "Request signature verification is not available.", 500);
        var result = authenticator.Authenticate(call.Request, call.Body, "cognito-identity");
        if (!result.Succeeded)
        {
            throw new IdentityPoolException(result.ErrorCode ?? "NotAuthorizedException",
                result.ErrorMessage ?? "The request signature is not valid.", result.StatusCode);
        }

        if (!result.Caller!.IsAdministrator)
        {
            throw IdentityPoolException.NotAuthorized(
                $"User: {result.Caller.CallerArn} is not authorized to perform: cognito-identity:{operation} on resource: " +
                $"arn:aws:cognito-identity:{stack.Region}:{stack.AccountId}:identitypool/{identityPoolId}");
        }
    }
}
