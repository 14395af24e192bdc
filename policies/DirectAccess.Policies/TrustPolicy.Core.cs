using DirectAccess.Policies.Conditions;
using DirectAccess.Policies.Evaluation;

namespace DirectAccess.Policies;

public static partial class TrustPolicy
{
    /// <summary>The action a web identity uses to assume a role (STS API reference, AssumeRoleWithWebIdentity).</summary>
    public const string AssumeRoleWithWebIdentityAction = "sts:AssumeRoleWithWebIdentity";

    /// <summary>The Cognito identity pool's audience key (Cognito developer guide, "Role trust and permissions").</summary>
    public const string CognitoAudienceKey = "cognito-identity.amazonaws.com:aud";

    /// <summary>
    /// Checks that <paramref name="trustPolicy"/> has the shape of a role trust policy: every statement names a
    /// <c>Principal</c> or <c>NotPrincipal</c> and none has <c>Resource</c>/<c>NotResource</c> (IAM rejects those
    /// with MalformedPolicyDocument).
    /// </summary>
    /// <exception cref="PolicyParseException">The first statement that breaks the rule, with its JSON path.</exception>
    public static void Validate(PolicyDocument trustPolicy)
    {
        ArgumentNullException.ThrowIfNull(trustPolicy);
        var problem = FindProblem(trustPolicy);
        if (problem is not null)
        {
            throw problem;
        }
    }

    /// <summary>
    /// True when every statement that could allow <c>sts:AssumeRoleWithWebIdentity</c> constrains
    /// <paramref name="audienceKey"/> (default <see cref="CognitoAudienceKey"/>) with a positive operator
    /// (<c>StringEquals</c>, <c>StringEqualsIgnoreCase</c>, <c>StringLike</c>, optionally under <c>ForAnyValue:</c>;
    /// not <c>...IfExists</c>, not <c>ForAllValues:</c>, not a negation), and at least one such statement exists.
    /// Cognito refuses to hand out credentials for a role whose trust policy does not pin the identity pool (Cognito
    /// developer guide, "Role trust and permissions"); a local cloud should refuse such roles too.
    /// </summary>
    public static bool HasAudienceCondition(PolicyDocument trustPolicy, string audienceKey = CognitoAudienceKey)
    {
        ArgumentNullException.ThrowIfNull(trustPolicy);
        ArgumentException.ThrowIfNullOrEmpty(audienceKey);
        var allowing = trustPolicy.Statements
            .Where(s => s.Effect == Effect.Allow && s.Actions.Covers(AssumeRoleWithWebIdentityAction))
            .ToList();
        return allowing.Count > 0 && allowing.All(s => s.Conditions.Any(c => PinsKey(c, audienceKey)));
    }

    private static bool PinsKey(ConditionClause clause, string key) =>
        string.Equals(clause.Key, key, StringComparison.OrdinalIgnoreCase)
        && clause.Operator.Base is { Family: OperatorFamily.String, Negated: false }
        && !clause.Operator.IfExists
        && clause.Operator.Qualifier != SetQualifier.ForAllValues;

    private static Decision EvaluateCore(PolicyDocument trustPolicy, string federatedProvider,
        IReadOnlyDictionary<string, string[]> context)
    {
        ArgumentNullException.ThrowIfNull(trustPolicy);
        ArgumentException.ThrowIfNullOrEmpty(federatedProvider);
        ArgumentNullException.ThrowIfNull(context);

        var problem = FindProblem(trustPolicy);
        if (problem is not null)
        {
            // Fail closed: a malformed trust policy allows nobody.
            return new Decision(DecisionKind.ImplicitDeny, null, [new StatementMiss(new StatementRef(trustPolicy.Name, 0, null), problem.Message)]);
        }

        // The resource of AssumeRole* is the role itself; trust policies have no Resource element, so any value works.
        var request = new RequestContext(AssumeRoleWithWebIdentityAction, "*")
        {
            Principal = new RequestPrincipal("Federated", federatedProvider),
        };
        foreach (var (key, values) in context)
        {
            request.WithValues(key, values);
        }

        return new PolicyEvaluator(trustPolicy.Statements).Evaluate(request);
    }

    private static PolicyParseException? FindProblem(PolicyDocument trustPolicy)
    {
        foreach (var statement in trustPolicy.Statements)
        {
            if (statement.Principals is null)
            {
                return new PolicyParseException(trustPolicy.Name, statement.JsonPath, "a trust policy statement needs Principal or NotPrincipal");
            }

            if (statement.Resources is not null)
            {
                return new PolicyParseException(trustPolicy.Name, statement.JsonPath, "a trust policy statement may not have Resource or NotResource");
            }
        }

        return null;
    }
}
