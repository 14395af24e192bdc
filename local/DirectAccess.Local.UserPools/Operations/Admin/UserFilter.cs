using System.Text.RegularExpressions;
using DirectAccess.Local.UserPools.Users;

namespace DirectAccess.Local.UserPools.Operations.Admin;

/// <summary>
/// The <c>Filter</c> of <c>ListUsers</c> (Cognito API reference, ListUsers): <c>AttributeName Operator "Value"</c>
/// with <c>=</c> (exact) or <c>^=</c> (starts with), on <c>username</c>, <c>email</c>, <c>phone_number</c>, <c>name</c>,
/// <c>given_name</c>, <c>family_name</c>, <c>preferred_username</c>, <c>cognito:user_status</c>, <c>status</c>
/// (<c>Enabled</c>/<c>Disabled</c>) and <c>sub</c>. Username matching is case-insensitive like the pool.
/// </summary>
public sealed partial class UserFilter
{
    private static readonly HashSet<string> Searchable = new(StringComparer.Ordinal)
    {
        "username", "email", "phone_number", "name", "given_name", "family_name", "preferred_username",
        "cognito:user_status", "status", "sub",
    };

    private readonly string _attribute;
    private readonly bool _prefix;
    private readonly string _value;

    private UserFilter(string attribute, bool prefix, string value)
    {
        _attribute = attribute;
        _prefix = prefix;
        _value = value;
    }

    /// <summary>Parses <paramref name="filter"/>; null or empty means no filter.</summary>
    /// <exception cref="CognitoException"><c>InvalidParameterException</c> for a malformed filter or an unsearchable attribute.</exception>
    public static UserFilter? Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return null;
        }

        var match = Syntax().Match(filter);
        if (!match.Success)
        {
            throw CognitoException.InvalidParameter("Error while parsing filter.");
        }

        var attribute = match.Groups["name"].Value;
        if (!Searchable.Contains(attribute))
        {
            throw CognitoException.InvalidParameter($"Invalid search attribute: {attribute}");
        }

        return new UserFilter(attribute, match.Groups["op"].Value == "^=", Regex.Unescape(match.Groups["value"].Value));
    }

    /// <summary>True when <paramref name="user"/> matches.</summary>
    public bool Matches(UserRecord user)
    {
        var (actual, comparison) = _attribute switch
        {
            "username" => (user.Username, StringComparison.OrdinalIgnoreCase),
            "sub" => (user.Sub, StringComparison.Ordinal),
            "cognito:user_status" => (user.Status, StringComparison.Ordinal),
            "status" => (user.Enabled ? "Enabled" : "Disabled", StringComparison.Ordinal),
            _ => (user.Attributes.GetValueOrDefault(_attribute), StringComparison.Ordinal),
        };
        if (actual is null)
        {
            return false;
        }

        return _prefix ? actual.StartsWith(_value, comparison) : actual.Equals(_value, comparison);
    }

    [GeneratedRegex("""^\s*(?<name>[\w:]+)\s*(?<op>\^?=)\s*"(?<value>(?:[^"\\]|\\.)*)"\s*$""")]
    private static partial Regex Syntax();
}
