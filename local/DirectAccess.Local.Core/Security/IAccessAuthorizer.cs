using DirectAccess.Policies;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Security;

/// <summary>
/// IAM enforcement: decides a request of an authenticated caller against the identity policies of the caller's
/// role (administrator: always allowed), with the context keys IAM would set (<c>aws:userid</c>,
/// <c>aws:SourceIp</c>, <c>aws:SecureTransport</c>, <c>aws:CurrentTime</c>, <c>aws:EpochTime</c>, and for
/// identity-pool credentials <c>cognito-identity.amazonaws.com:sub|aud|amr</c>), plus service keys the caller adds
/// (e.g. <c>s3:prefix</c>). Writes one audit line per decision when auditing is on.
/// </summary>
public interface IAccessAuthorizer
{
    /// <summary>Decides <paramref name="action"/> on <paramref name="resource"/>.</summary>
    /// <param name="caller">The authenticated caller.</param>
    /// <param name="action">IAM action, e.g. <c>s3:PutObject</c>.</param>
    /// <param name="resource">Resource ARN.</param>
    /// <param name="request">The HTTP request (source IP, transport).</param>
    /// <param name="serviceKeys">Service-specific context keys, e.g. <c>s3:prefix</c>; null for none.</param>
    AuthorizationResult Authorize(CallerIdentity caller, string action, string resource, HttpRequest request,
        IReadOnlyDictionary<string, string[]>? serviceKeys = null);
}

/// <summary>An IAM decision plus AWS's reason text for a denial.</summary>
/// <param name="Decision">The policy engine's decision.</param>
/// <param name="Message">For denials, AWS's text: <c>User: &lt;arn&gt; is not authorized to perform: &lt;action&gt; on
/// resource: "&lt;arn&gt;" because no identity-based policy allows the &lt;action&gt; action</c> (or <c>with an explicit
/// deny in an identity-based policy</c>); empty when allowed.</param>
public sealed record AuthorizationResult(Decision Decision, string Message)
{
    /// <summary>True when IAM allows the request.</summary>
    public bool Allowed => Decision.IsAllowed;
}
