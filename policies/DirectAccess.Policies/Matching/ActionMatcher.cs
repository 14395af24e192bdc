namespace DirectAccess.Policies.Matching;

/// <summary>
/// <c>Action</c> or <c>NotAction</c>: <c>service:Name</c> patterns matched case-insensitively with <c>*</c>/<c>?</c>
/// (IAM user guide, "IAM JSON policy elements: Action" and "NotAction").
/// </summary>
internal sealed class ActionMatcher
{
    private readonly GlobPattern[] _patterns;

    public ActionMatcher(IEnumerable<GlobPattern> patterns, bool isNotAction)
    {
        _patterns = patterns.ToArray();
        IsNotAction = isNotAction;
    }

    /// <summary>True for <c>NotAction</c>: the statement covers every action not listed.</summary>
    public bool IsNotAction { get; }

    /// <summary>True when the statement covers <paramref name="action"/>.</summary>
    public bool Covers(string action)
    {
        foreach (var pattern in _patterns)
        {
            if (pattern.IsMatch(action, null))
            {
                return !IsNotAction;
            }
        }

        return IsNotAction;
    }

    /// <summary>Why the statement does not cover <paramref name="action"/>.</summary>
    public string DescribeMiss(string action) => IsNotAction
        ? $"Action {action} is excluded by NotAction"
        : $"Action {action} is not in Action [{string.Join(", ", _patterns.Select(p => p.Source))}]";
}
