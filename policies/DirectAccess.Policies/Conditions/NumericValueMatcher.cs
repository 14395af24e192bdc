using System.Globalization;

namespace DirectAccess.Policies.Conditions;

/// <summary>Numeric operators (IAM user guide, "Numeric condition operators"): decimal numbers, compared by value.</summary>
internal sealed class NumericValueMatcher : ValueMatcher
{
    private readonly double[] _values;
    private readonly ValueComparison _comparison;

    /// <exception cref="FormatException">A policy value that is not a number.</exception>
    public NumericValueMatcher(IEnumerable<string> values, ValueComparison comparison)
    {
        _comparison = comparison;
        _values = values.Select(v => TryParse(v, out var d) ? d : throw new FormatException($"'{v}' is not a number")).ToArray();
    }

    /// <summary>Parses an integer or decimal in invariant culture; infinities and NaN are not numbers here.</summary>
    public static bool TryParse(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    public override bool MatchesAny(string requestValue, RequestContext context)
    {
        if (!TryParse(requestValue, out var request))
        {
            return false; // a non-numeric request value never satisfies a numeric comparison
        }

        foreach (var value in _values)
        {
            if (Compare(request, value, _comparison))
            {
                return true;
            }
        }

        return false;
    }
}
