namespace DirectAccess.Policies.Variables;

/// <summary>
/// Resolves policy variables from the request context (IAM user guide, "Policy variables"): a variable takes the value
/// of the context key it names; when the key is absent the statement does not apply, unless a default is given.
/// </summary>
internal static class PolicyVariables
{
    /// <summary>
    /// Resolves <paramref name="key"/>. A key with exactly one value resolves to it; an absent key, or one with no or
    /// several values (a multivalued key cannot stand for one string), resolves to <paramref name="defaultValue"/> when
    /// given, else fails.
    /// </summary>
    public static bool TryResolve(RequestContext? context, string key, string? defaultValue, out string value)
    {
        if (context is not null && context.TryGetValues(key, out var values) && values.Length == 1)
        {
            value = values[0];
            return true;
        }

        value = defaultValue!;
        return defaultValue is not null;
    }
}
