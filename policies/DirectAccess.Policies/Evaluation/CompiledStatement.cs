using DirectAccess.Policies.Conditions;
using DirectAccess.Policies.Matching;
using DirectAccess.Policies.Variables;

namespace DirectAccess.Policies.Evaluation;

/// <summary>
/// One statement, compiled: it applies to a request when its action, resource (identity policies), principal (trust
/// policies) and every condition match, and every policy variable it uses without a default is present (IAM user
/// guide, "Policy evaluation logic" and "Policy variables").
/// </summary>
internal sealed class CompiledStatement
{
    private readonly (string Key, string? Default)[] _requiredVariables;

    public CompiledStatement(StatementRef reference, string jsonPath, Effect effect, ActionMatcher actions,
        ResourceMatcher? resources, PrincipalMatcher? principals, ConditionClause[] conditions)
    {
        Ref = reference;
        JsonPath = jsonPath;
        Effect = effect;
        Actions = actions;
        Resources = resources;
        Principals = principals;
        Conditions = conditions;
        _requiredVariables = (resources?.Variables ?? [])
            .Concat(conditions.SelectMany(c => c.Variables))
            .Where(v => v.Default is null)
            .Select(v => (v.Text, v.Default))
            .DistinctBy(v => v.Text, StringComparer.OrdinalIgnoreCase)
            .ToArray();
        Decision = new Decision(effect == Effect.Allow ? DecisionKind.Allow : DecisionKind.ExplicitDeny, reference, []);
    }

    /// <summary>Which statement this is.</summary>
    public StatementRef Ref { get; }

    /// <summary>JSON path of the statement, for errors found after parsing (e.g. Principal in an identity policy).</summary>
    public string JsonPath { get; }

    /// <summary>Allow or Deny.</summary>
    public Effect Effect { get; }

    /// <summary>Action or NotAction.</summary>
    public ActionMatcher Actions { get; }

    /// <summary>Resource or NotResource; null when the statement has neither (trust policies).</summary>
    public ResourceMatcher? Resources { get; }

    /// <summary>Principal or NotPrincipal; null when the statement has neither (identity policies).</summary>
    public PrincipalMatcher? Principals { get; }

    /// <summary>The conditions, all of which must hold.</summary>
    public ConditionClause[] Conditions { get; }

    /// <summary>The decision this statement makes when it applies, prebuilt so that deciding allocates nothing.</summary>
    public Decision Decision { get; }

    /// <summary>True when the statement applies to <paramref name="request"/>.</summary>
    public bool Applies(RequestContext request)
    {
        if (!Actions.Covers(request.Action) || !VariablesResolve(request))
        {
            return false;
        }

        if (Principals is not null && !Principals.Covers(request.Principal))
        {
            return false;
        }

        if (Resources is not null && !Resources.Covers(request.Resource, request))
        {
            return false;
        }

        foreach (var condition in Conditions)
        {
            if (!condition.Holds(request))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Why the statement does not apply, or null when it does.</summary>
    public string? DescribeMiss(RequestContext request)
    {
        if (!Actions.Covers(request.Action))
        {
            return Actions.DescribeMiss(request.Action);
        }

        foreach (var (key, _) in _requiredVariables)
        {
            if (!PolicyVariables.TryResolve(request, key, null, out _))
            {
                return $"policy variable ${{{key}}} is absent from the request";
            }
        }

        if (Principals is not null && !Principals.Covers(request.Principal))
        {
            return Principals.DescribeMiss(request.Principal);
        }

        if (Resources is not null && !Resources.Covers(request.Resource, request))
        {
            return Resources.DescribeMiss();
        }

        return Conditions.FirstOrDefault(c => !c.Holds(request))?.DescribeMiss(request);
    }

    private bool VariablesResolve(RequestContext request)
    {
        foreach (var (key, _) in _requiredVariables)
        {
            if (!PolicyVariables.TryResolve(request, key, null, out _))
            {
                return false;
            }
        }

        return true;
    }
}
