namespace DirectAccess.Policies.Conditions;

/// <summary><c>IpAddress</c>/<c>NotIpAddress</c> (IAM user guide, "IP address condition operators"): CIDR blocks.</summary>
internal sealed class IpAddressValueMatcher : ValueMatcher
{
    private readonly IpRange[] _ranges;

    /// <exception cref="FormatException">A policy value that is not an address or CIDR block.</exception>
    public IpAddressValueMatcher(IEnumerable<string> values) => _ranges = values.Select(IpRange.Parse).ToArray();

    public override bool MatchesAny(string requestValue, RequestContext context)
    {
        foreach (var range in _ranges)
        {
            if (range.Contains(requestValue))
            {
                return true;
            }
        }

        return false;
    }
}
