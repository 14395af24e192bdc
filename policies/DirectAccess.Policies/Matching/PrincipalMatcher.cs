namespace DirectAccess.Policies.Matching;

/// <summary>
/// <c>Principal</c> or <c>NotPrincipal</c> of a trust policy (IAM user guide, "AWS JSON policy elements: Principal"):
/// <c>"*"</c> (or <c>{"AWS": "*"}</c>) is everyone; otherwise the caller's type must be listed with its id. Federated
/// providers and service names are DNS-like names and compare case-insensitively; other ids exactly.
/// </summary>
internal sealed class PrincipalMatcher
{
    private readonly (string Type, string Id)[] _principals;
    private readonly bool _everyone;

    public PrincipalMatcher(IEnumerable<(string Type, string Id)> principals, bool everyone, bool isNotPrincipal)
    {
        _principals = principals.ToArray();
        _everyone = everyone;
        IsNotPrincipal = isNotPrincipal;
    }

    /// <summary>True for <c>NotPrincipal</c>.</summary>
    public bool IsNotPrincipal { get; }

    /// <summary>True when the statement covers <paramref name="principal"/> (a null principal matches only "*").</summary>
    public bool Covers(RequestPrincipal? principal)
    {
        var listed = _everyone || (principal is not null && _principals.Any(p => Same(p, principal)));
        return listed != IsNotPrincipal;
    }

    /// <summary>Why the statement does not cover <paramref name="principal"/>.</summary>
    public string DescribeMiss(RequestPrincipal? principal)
    {
        var who = principal is null ? "no principal" : $"{principal.Type} {principal.Id}";
        return IsNotPrincipal ? $"Principal {who} is excluded by NotPrincipal" : $"Principal {who} is not in Principal";
    }

    private static bool Same((string Type, string Id) listed, RequestPrincipal principal)
    {
        if (!string.Equals(listed.Type, principal.Type, StringComparison.Ordinal))
        {
            return false;
        }

        var comparison = listed.Type is "Federated" or "Service" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return string.Equals(listed.Id, principal.Id, comparison);
    }
}
