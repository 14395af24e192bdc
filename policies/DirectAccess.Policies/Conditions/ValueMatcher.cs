using DirectAccess.Policies.Matching;

namespace DirectAccess.Policies.Conditions;

/// <summary>
/// The policy values of one condition key, compiled for one operator family. Answers whether a single request value
/// matches any of them (values for one key are ORed; negation is applied by the caller).
/// </summary>
internal abstract class ValueMatcher
{
    /// <summary>True when <paramref name="requestValue"/> matches at least one policy value.</summary>
    public abstract bool MatchesAny(string requestValue, RequestContext context);

    /// <summary>Policy variables used by the values (only String and ARN operators have any).</summary>
    public virtual IEnumerable<PatternPiece> Variables => [];

    /// <summary>Compares two ordered values per <paramref name="comparison"/> (request value on the left).</summary>
    protected static bool Compare<T>(T request, T policy, ValueComparison comparison)
        where T : IComparable<T>
    {
        var order = request.CompareTo(policy);
        return comparison switch
        {
            ValueComparison.Equals => order == 0,
            ValueComparison.LessThan => order < 0,
            ValueComparison.LessThanEquals => order <= 0,
            ValueComparison.GreaterThan => order > 0,
            ValueComparison.GreaterThanEquals => order >= 0,
            _ => throw new InvalidOperationException($"comparison {comparison} does not apply to ordered values"),
        };
    }
}
