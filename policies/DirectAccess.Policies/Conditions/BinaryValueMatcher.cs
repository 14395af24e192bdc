namespace DirectAccess.Policies.Conditions;

/// <summary>
/// <c>BinaryEquals</c> (IAM user guide, "Binary condition operators"): policy and request values are base64 text of
/// bytes; they match when the decoded bytes are equal.
/// </summary>
internal sealed class BinaryValueMatcher : ValueMatcher
{
    private readonly byte[][] _values;

    /// <exception cref="FormatException">A policy value that is not base64.</exception>
    public BinaryValueMatcher(IEnumerable<string> values) =>
        _values = values.Select(v => Convert.FromBase64String(v)).ToArray();

    public override bool MatchesAny(string requestValue, RequestContext context)
    {
        var buffer = new byte[(requestValue.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(requestValue, buffer, out var written))
        {
            return false;
        }

        var request = buffer.AsSpan(0, written);
        foreach (var value in _values)
        {
            if (request.SequenceEqual(value))
            {
                return true;
            }
        }

        return false;
    }
}
