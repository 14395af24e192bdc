using DirectAccess.Local.Lambda.Protocol;
using DirectAccess.Local.Security;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Lambda.Operations;

/// <summary>
/// SigV4 authentication (signing name <c>lambda</c>) and IAM authorization of a Lambda API request, failing closed with
/// Lambda's error shapes: authentication failures as the authenticator reports them (e.g. 403
/// <c>UnrecognizedClientException</c>, <c>InvalidSignatureException</c>) with body <c>{"message":...}</c>; IAM denials
/// as 403 <c>AccessDeniedException</c> with body <c>{"Message":"User: ... is not authorized to perform: ..."}</c>
/// (REFERENCE.md §5; Lambda developer guide, "Identity-based IAM policies for Lambda").
/// </summary>
public sealed class LambdaRequestGate(IRequestAuthenticator authenticator, IAccessAuthorizer authorizer)
{
    /// <summary>The signing name Lambda requests are signed for.</summary>
    public const string SigningName = "lambda";

    /// <summary>Verifies the signature over the fully buffered <paramref name="body"/>.</summary>
    /// <exception cref="LambdaException">The request is not authenticated.</exception>
    public CallerIdentity Authenticate(HttpRequest request, ReadOnlySpan<byte> body)
    {
        var result = authenticator.Authenticate(request, body, SigningName);
        if (result.Caller is { } caller)
        {
            return caller;
        }

        throw new LambdaException(
            result.StatusCode is >= 400 and < 600 ? result.StatusCode : 403,
            result.ErrorCode ?? "UnrecognizedClientException",
            result.ErrorMessage ?? "The security token included in the request is invalid.",
            LambdaErrorBody.MessageOnly);
    }

    /// <summary>Decides <paramref name="action"/> on <paramref name="resourceArn"/> for <paramref name="caller"/>.</summary>
    /// <exception cref="LambdaException">403 <c>AccessDeniedException</c> with the authorizer's reason text.</exception>
    public void Authorize(CallerIdentity caller, string action, string resourceArn, HttpRequest request)
    {
        var decision = authorizer.Authorize(caller, action, resourceArn, request);
        if (!decision.Allowed)
        {
            throw new LambdaException(403, "AccessDeniedException", decision.Message, LambdaErrorBody.CapitalMessageOnly);
        }
    }
}
