namespace DirectAccess.Policies.Conditions;

/// <summary>Date operators (IAM user guide, "Date condition operators"), compared as UTC instants.</summary>
internal sealed class DateValueMatcher : ValueMatcher
{
    private readonly long[] _ticks;
    private readonly ValueComparison _comparison;

    /// <exception cref="FormatException">A policy value that is not an ISO 8601 date or epoch seconds.</exception>
    public DateValueMatcher(IEnumerable<string> values, ValueComparison comparison)
    {
        _comparison = comparison;
        _ticks = values
            .Select(v => IamDate.TryParse(v, out var t) ? t : throw new FormatException($"'{v}' is not an ISO 8601 date or epoch seconds"))
            .ToArray();
    }

    public override bool MatchesAny(string requestValue, RequestContext context)
    {
        if (!IamDate.TryParse(requestValue, out var request))
        {
            return false;
        }

        foreach (var ticks in _ticks)
        {
            if (Compare(request, ticks, _comparison))
            {
                return true;
            }
        }

        return false;
    }
}
