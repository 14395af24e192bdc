namespace DirectAccess.Policies;

/// <summary>
/// The identity policies of one principal (e.g. a role), compiled once for repeated evaluation. Thread-safe:
/// evaluate concurrently from any number of requests.
/// </summary>
public sealed partial class PolicySet
{
    /// <summary>Compiles <paramref name="policies"/> (wildcards and conditions pre-built; no per-request regexes).</summary>
    public static PolicySet Compile(IEnumerable<PolicyDocument> policies) => CompileCore(policies);

    /// <summary>
    /// Decides <paramref name="request"/> exactly as IAM does for identity-based policies in one account:
    /// explicit deny beats allow, allow beats the implicit default deny (IAM user guide, "Policy evaluation logic").
    /// </summary>
    public Decision Evaluate(RequestContext request) => EvaluateCore(request);
}

/// <summary>Evaluates a role's trust policy for <c>sts:AssumeRoleWithWebIdentity</c>.</summary>
public static partial class TrustPolicy
{
    /// <summary>
    /// Decides whether a web identity from <paramref name="federatedProvider"/> (e.g.
    /// <c>cognito-identity.amazonaws.com</c>) may assume the role: a statement must allow
    /// <c>sts:AssumeRoleWithWebIdentity</c> for a matching <c>Federated</c> principal with all its conditions met,
    /// and no statement may deny it. The condition keys (e.g. <c>cognito-identity.amazonaws.com:aud</c> and
    /// <c>:amr</c>) come from <paramref name="context"/>.
    /// </summary>
    /// <param name="trustPolicy">The role's trust policy.</param>
    /// <param name="federatedProvider">The identity provider, as a <c>Federated</c> principal names it.</param>
    /// <param name="context">Context keys of the token (its action/resource are ignored and set internally).</param>
    public static Decision EvaluateAssumeRoleWithWebIdentity(PolicyDocument trustPolicy, string federatedProvider,
        IReadOnlyDictionary<string, string[]> context) => EvaluateCore(trustPolicy, federatedProvider, context);
}
