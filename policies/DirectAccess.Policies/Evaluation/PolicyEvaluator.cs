namespace DirectAccess.Policies.Evaluation;

/// <summary>
/// The IAM decision for one request against a list of statements (IAM user guide, "Policy evaluation logic"): any
/// applying Deny → explicit deny; else any applying Allow → allow; else implicit deny. Deny statements are checked
/// first; the decision names the first applying Deny, or the first applying Allow in document order.
/// </summary>
internal sealed class PolicyEvaluator
{
    private readonly CompiledStatement[] _denies;
    private readonly CompiledStatement[] _allows;

    public PolicyEvaluator(IEnumerable<CompiledStatement> statements)
    {
        var all = statements.ToArray();
        _denies = all.Where(s => s.Effect == Effect.Deny).ToArray();
        _allows = all.Where(s => s.Effect == Effect.Allow).ToArray();
    }

    public Decision Evaluate(RequestContext request)
    {
        foreach (var statement in _denies)
        {
            if (statement.Applies(request))
            {
                return statement.Decision;
            }
        }

        foreach (var statement in _allows)
        {
            if (statement.Applies(request))
            {
                return statement.Decision;
            }
        }

        return new Decision(DecisionKind.ImplicitDeny, null, ExplainImplicitDeny(request));
    }

    /// <summary>
    /// The Allow statements that would have changed the outcome, each with why it did not apply: those whose action
    /// matched when there are any, otherwise every Allow statement.
    /// </summary>
    private List<StatementMiss> ExplainImplicitDeny(RequestContext request)
    {
        var misses = new List<StatementMiss>();
        foreach (var statement in _allows)
        {
            if (statement.Actions.Covers(request.Action))
            {
                misses.Add(new StatementMiss(statement.Ref, statement.DescribeMiss(request) ?? "did not apply"));
            }
        }

        if (misses.Count == 0)
        {
            foreach (var statement in _allows)
            {
                misses.Add(new StatementMiss(statement.Ref, statement.Actions.DescribeMiss(request.Action)));
            }
        }

        return misses;
    }
}
