using DirectAccess.Policies.Evaluation;

namespace DirectAccess.Policies;

public sealed partial class PolicySet
{
    private readonly PolicyEvaluator _evaluator;

    private PolicySet(IReadOnlyList<PolicyDocument> policies)
    {
        Policies = policies;
        _evaluator = new PolicyEvaluator(policies.SelectMany(p => p.Statements));
    }

    /// <summary>The policies in the set, in the order given.</summary>
    public IReadOnlyList<PolicyDocument> Policies { get; }

    /// <exception cref="PolicyParseException">A statement names a Principal (not allowed in an identity-based policy)
    /// or lacks Resource/NotResource (IAM user guide, "IAM JSON policy elements: Principal").</exception>
    private static PolicySet CompileCore(IEnumerable<PolicyDocument> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var list = policies.ToList();
        foreach (var statement in list.SelectMany(p => p.Statements))
        {
            if (statement.Principals is not null)
            {
                throw new PolicyParseException(statement.Ref.PolicyName, statement.JsonPath,
                    "Principal/NotPrincipal is not allowed in an identity-based policy");
            }

            if (statement.Resources is null)
            {
                throw new PolicyParseException(statement.Ref.PolicyName, statement.JsonPath,
                    "an identity-based policy statement needs Resource or NotResource");
            }
        }

        return new PolicySet(list);
    }

    private Decision EvaluateCore(RequestContext request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _evaluator.Evaluate(request);
    }
}
