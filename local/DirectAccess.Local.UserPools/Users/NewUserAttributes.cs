namespace DirectAccess.Local.UserPools.Users;

/// <summary>
/// Validates the attributes given when a user is created (<c>SignUp</c>, <c>AdminCreateUser</c>): names 1–32
/// characters (plus the <c>custom:</c> prefix), values up to 2048, no <c>sub</c> (Cognito sets it), last value wins.
/// </summary>
public static class NewUserAttributes
{
    /// <summary>The attributes as a dictionary.</summary>
    /// <exception cref="CognitoException"><c>InvalidParameterException</c> naming the offending attribute.</exception>
    public static Dictionary<string, string> From(IEnumerable<KeyValuePair<string, string>> given)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in given)
        {
            var bare = name.StartsWith("custom:", StringComparison.Ordinal) ? name["custom:".Length..] : name;
            if (bare.Length is 0 or > 32 || value.Length > 2048)
            {
                throw CognitoException.InvalidParameter($"Invalid attribute {name}.");
            }

            if (name == "sub")
            {
                throw CognitoException.InvalidParameter("Cannot modify the non-mutable attribute sub");
            }

            attributes[name] = value;
        }

        return attributes;
    }

    /// <summary>
    /// Throws unless <paramref name="username"/> is 1–128 characters without white space (Cognito's
    /// <c>UsernameType</c> pattern <c>[\p{L}\p{M}\p{S}\p{N}\p{P}]+</c>).
    /// </summary>
    public static void RequireValidUsername(string username)
    {
        if (username.Length is 0 or > 128 || username.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw CognitoException.InvalidParameter(
                "1 validation error detected: Value at 'username' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
        }
    }
}
