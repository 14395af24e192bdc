using DirectAccess.Policies.Matching;
using DirectAccess.Policies.Variables;

namespace DirectAccess.Policies.Conditions;

/// <summary>
/// String operators: <c>StringEquals</c> (ordinal), <c>StringEqualsIgnoreCase</c>, <c>StringLike</c> (<c>*</c>/<c>?</c>,
/// case-sensitive); policy variables allowed under 2012-10-17 (IAM user guide, "String condition operators").
/// </summary>
internal sealed class StringValueMatcher : ValueMatcher
{
    private readonly GlobPattern[] _patterns;

    public StringValueMatcher(IEnumerable<string> values, ValueComparison comparison, bool variables)
    {
        var wildcards = comparison == ValueComparison.Like;
        var stringComparison = comparison == ValueComparison.EqualsIgnoreCase
            ? StringComparison.OrdinalIgnoreCase
            : StringComparison.Ordinal;
        _patterns = values
            .Select(v => new GlobPattern(v, PatternTemplateParser.Parse(v, wildcards, variables), stringComparison))
            .ToArray();
    }

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
