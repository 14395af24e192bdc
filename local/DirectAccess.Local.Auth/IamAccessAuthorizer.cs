using DirectAccess.Local.Auth.Iam;
using DirectAccess.Local.Security;
using DirectAccess.Policies;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Auth;

/// <summary>
/// <see cref="IAccessAuthorizer"/> for the local cloud: the account administrator is always allowed; everyone else is
/// decided by the compiled identity policies of their role (IAM user guide, "Policy evaluation logic") with the
/// context keys of <c>CallerContextKeys</c>; a caller whose role the stack does not define is denied. Denials carry
/// AWS's reason text. Each decision is appended to the audit log when one is configured. Thread-safe.
/// </summary>
public sealed class IamAccessAuthorizer : IAccessAuthorizer
{
    /// <summary>What the audit log names as the deciding statement of an administrator's request.</summary>
    public const string AdministratorStatement = "administrator";

    private static readonly Decision AdministratorAllow = new(DecisionKind.Allow, null, []);

    private readonly RolePolicies _roles;
    private readonly string _region;
    private readonly AuditLog? _audit;
    private readonly TimeProvider _clock;

    /// <summary>Creates the authorizer.</summary>
    /// <param name="roles">Compiled role policies.</param>
    /// <param name="region">Value of <c>aws:RequestedRegion</c>.</param>
    /// <param name="audit">Audit log, or null for none.</param>
    /// <param name="clock">Clock for <c>aws:CurrentTime</c> / <c>aws:EpochTime</c>; null = system clock.</param>
    public IamAccessAuthorizer(RolePolicies roles, string region, AuditLog? audit = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentException.ThrowIfNullOrEmpty(region);
        _roles = roles;
        _region = region;
        _audit = audit;
        _clock = clock ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public AuthorizationResult Authorize(CallerIdentity caller, string action, string resource, HttpRequest request,
        IReadOnlyDictionary<string, string[]>? serviceKeys = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentException.ThrowIfNullOrEmpty(resource);
        ArgumentNullException.ThrowIfNull(request);

        var now = _clock.GetUtcNow();
        var decision = Decide(caller, action, resource, request, serviceKeys, now);
        var result = new AuthorizationResult(decision, DenialMessage.For(decision.Kind, caller.CallerArn, action, resource));
        _audit?.Write(new AuditEntry(now, caller.CallerArn, caller.IdentityId, action, resource, decision.Kind.ToString(),
            caller.IsAdministrator ? AdministratorStatement : decision.DecidingStatement?.ToString(), RequestId(request)));
        return result;
    }

    private Decision Decide(CallerIdentity caller, string action, string resource, HttpRequest request,
        IReadOnlyDictionary<string, string[]>? serviceKeys, DateTimeOffset now)
    {
        if (caller.IsAdministrator)
        {
            return AdministratorAllow;
        }

        // A session for a role the stack does not define has no policies: IAM's default deny.
        var policies = _roles.Find(caller.RoleArn);
        if (policies is null)
        {
            return new Decision(DecisionKind.ImplicitDeny, null, []);
        }

        return policies.Evaluate(CallerContextKeys.Build(caller, action, resource, request, serviceKeys, _region, now));
    }

    /// <summary>The id the response reports (S3 <c>x-amz-request-id</c>, JSON services <c>x-amzn-RequestId</c>) or the trace id.</summary>
    private static string RequestId(HttpRequest request)
    {
        var headers = request.HttpContext.Response.Headers;
        var id = headers["x-amz-request-id"].ToString();
        if (id.Length == 0)
        {
            id = headers["x-amzn-RequestId"].ToString();
        }

        return id.Length > 0 ? id : request.HttpContext.TraceIdentifier;
    }
}
