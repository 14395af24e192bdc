namespace DirectAccess.Policies.Conditions;

/// <summary><c>Bool</c> (IAM user guide, "Boolean condition operators"): <c>true</c>/<c>false</c>, case-insensitive.</summary>
internal sealed class BoolValueMatcher : ValueMatcher
{
    private readonly bool[] _values;

    /// <exception cref="FormatException">A policy value other than true or false.</exception>
    public BoolValueMatcher(IEnumerable<string> values) =>
        _values = values.Select(v => TryParse(v, out var b) ? b : throw new FormatException($"'{v}' is not true or false")).ToArray();

    /// <summary>Parses <c>true</c>/<c>false</c> in any case.</summary>
    public static bool TryParse(string text, out bool value)
    {
        value = false;
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        return text.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    public override bool MatchesAny(string requestValue, RequestContext context)
    {
        if (!TryParse(requestValue, out var request))
        {
            return false;
        }

        foreach (var value in _values)
        {
            if (value == request)
            {
                return true;
            }
        }

        return false;
    }
}
