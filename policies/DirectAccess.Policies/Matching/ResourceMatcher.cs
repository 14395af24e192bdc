namespace DirectAccess.Policies.Matching;

/// <summary>
/// <c>Resource</c> or <c>NotResource</c>: ARN patterns matched case-sensitively with <c>*</c>/<c>?</c> over the whole
/// ARN, with policy variables resolved per request (IAM user guide, "IAM JSON policy elements: Resource").
/// </summary>
internal sealed class ResourceMatcher
{
    private readonly GlobPattern[] _patterns;

    public ResourceMatcher(IEnumerable<GlobPattern> patterns, bool isNotResource)
    {
        _patterns = patterns.ToArray();
        IsNotResource = isNotResource;
    }

    /// <summary>True for <c>NotResource</c>.</summary>
    public bool IsNotResource { get; }

    /// <summary>Policy variables used by the patterns.</summary>
    public IEnumerable<PatternPiece> Variables => _patterns.SelectMany(p => p.Variables);

    /// <summary>True when the statement covers <paramref name="resource"/>.</summary>
    public bool Covers(string resource, RequestContext context)
    {
        foreach (var pattern in _patterns)
        {
            if (pattern.IsMatch(resource, context))
            {
                return !IsNotResource;
            }
        }

        return IsNotResource;
    }

    /// <summary>Why the statement does not cover the request's resource (which the caller already knows).</summary>
    public string DescribeMiss() => IsNotResource
        ? "Resource is excluded by NotResource"
        : _patterns.Length == 1 ? $"Resource does not match {_patterns[0].Source}" : $"Resource matches none of [{string.Join(", ", _patterns.Select(p => p.Source))}]";
}
