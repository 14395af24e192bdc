namespace DirectAccess.Policies;

/// <summary>The outcome of IAM evaluation (IAM user guide, "Policy evaluation logic").</summary>
public enum DecisionKind
{
    /// <summary>At least one statement allows and none denies.</summary>
    Allow,

    /// <summary>A matching <c>Deny</c> statement; beats every allow.</summary>
    ExplicitDeny,

    /// <summary>No statement allows: the default.</summary>
    ImplicitDeny,
}

/// <summary>Names one statement: the policy it belongs to, its 0-based index in <c>Statement</c>, and its Sid (if any).</summary>
/// <param name="PolicyName">The name the policy was loaded under (file name or role policy name).</param>
/// <param name="Index">0-based position in the policy's <c>Statement</c> list.</param>
/// <param name="Sid">The statement's <c>Sid</c>, or null when it has none.</param>
public sealed record StatementRef(string PolicyName, int Index, string? Sid)
{
    /// <inheritdoc />
    public override string ToString() => Sid is null ? $"{PolicyName}#{Index}" : $"{PolicyName}#{Index} ({Sid})";
}

/// <summary>Why one statement did not apply to the request, for explaining a denial.</summary>
/// <param name="Statement">The statement.</param>
/// <param name="Reason">Human-readable reason, e.g. <c>Resource did not match</c> or
/// <c>Condition StringLike s3:prefix did not match</c> or <c>policy variable ${aws:username} is absent</c>.</param>
public sealed record StatementMiss(StatementRef Statement, string Reason);

/// <summary>An IAM decision that explains itself.</summary>
/// <param name="Kind">Allow, ExplicitDeny or ImplicitDeny.</param>
/// <param name="DecidingStatement">The deny statement (ExplicitDeny), the first allowing statement (Allow), or null (ImplicitDeny).</param>
/// <param name="Misses">For denials: statements whose effect would have changed the outcome, and why each did not apply.</param>
public sealed record Decision(DecisionKind Kind, StatementRef? DecidingStatement, IReadOnlyList<StatementMiss> Misses)
{
    /// <summary>True only for <see cref="DecisionKind.Allow"/>.</summary>
    public bool IsAllowed => Kind == DecisionKind.Allow;
}
