using DirectAccess.Policies.Matching;

namespace DirectAccess.Policies.Conditions;

/// <summary>ARN operators: per-part, case-sensitive wildcard matching (see <see cref="ArnPattern"/>).</summary>
internal sealed class ArnValueMatcher : ValueMatcher
{
    private readonly ArnPattern[] _patterns;

    /// <exception cref="FormatException">A value that is not a six-part ARN.</exception>
    public ArnValueMatcher(IEnumerable<string> values, bool variables) =>
        _patterns = values.Select(v => ArnPattern.Compile(v, variables)).ToArray();

    public override IEnumerable<PatternPiece> Variables => _patterns.SelectMany(p => p.Variables);

    public override bool MatchesAny(string requestValue, RequestContext context)
    {
        foreach (var pattern in _patterns)
        {
            if (pattern.IsMatch(requestValue, context))
            {
                return true;
            }
        }

        return false;
    }
}
