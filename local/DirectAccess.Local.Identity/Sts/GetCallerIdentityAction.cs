using System.Xml.Linq;
using DirectAccess.Local.Model;
using DirectAccess.Local.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Local.Identity.Sts;

/// <summary>
/// <c>GetCallerIdentity → {UserId, Account, Arn}</c> for a SigV4-signed request (signing name <c>sts</c>), verified by
/// the <see cref="IRequestAuthenticator"/> resolved at request time; its error codes are returned as they are.
/// For a role session: <c>UserId</c> <c>&lt;RoleId&gt;:&lt;session&gt;</c>, <c>Arn</c> the assumed-role ARN; for the
/// administrator: the account id and <c>arn:aws:iam::&lt;acct&gt;:root</c>.
/// </summary>
public sealed class GetCallerIdentityAction(IServiceProvider services, StackModel stack) : IStsAction
{
    /// <inheritdoc />
    public string Name => "GetCallerIdentity";

    /// <inheritdoc />
    public XElement[] Execute(StsCall call)
    {
        var authenticator = services.GetService<IRequestAuthenticator>()
            ?? throw new StsException("InternalFailure", "Request signature verification is not available.", 500);
        var result = authenticator.Authenticate(call.Request, call.Body, "sts");
        if (!result.Succeeded)
        {
            throw new StsException(result.ErrorCode ?? "InvalidClientTokenId", result.ErrorMessage ?? "The security token included in the request is invalid.",
                result.StatusCode);
        }

        return
        [
            StsXml.Element("UserId", result.Caller!.UserId),
            StsXml.Element("Account", stack.AccountId),
            StsXml.Element("Arn", result.Caller.CallerArn),
        ];
    }
}
