using System.Text.Json.Nodes;
using DirectAccess.Local.UserPools.Users;

namespace DirectAccess.Local.UserPools.Protocol;

/// <summary>
/// The wire shapes of users (botocore <c>cognito-idp</c>: <c>AttributeListType</c>, <c>UserType</c>); dates are JSON 1.1
/// timestamps, i.e. epoch seconds as numbers.
/// </summary>
public static class UserJson
{
    /// <summary><c>[{"Name":..,"Value":..}]</c> with <c>sub</c> first; only <paramref name="only"/> when given.</summary>
    public static JsonArray Attributes(UserRecord user, IReadOnlyCollection<string>? only = null)
    {
        var array = new JsonArray();
        foreach (var (name, value) in user.AllAttributes())
        {
            if (only is null || only.Contains(name))
            {
                array.Add(new JsonObject { ["Name"] = name, ["Value"] = value });
            }
        }

        return array;
    }

    /// <summary><c>UserType</c>: Username, Attributes, UserCreateDate, UserLastModifiedDate, Enabled, UserStatus.</summary>
    public static JsonObject User(UserRecord user, IReadOnlyCollection<string>? only = null) => new()
    {
        ["Username"] = user.Username,
        ["Attributes"] = Attributes(user, only),
        ["UserCreateDate"] = Timestamp(user.Created),
        ["UserLastModifiedDate"] = Timestamp(user.Modified),
        ["Enabled"] = user.Enabled,
        ["UserStatus"] = user.Status,
    };

    /// <summary>A JSON 1.1 timestamp: epoch seconds with millisecond fraction.</summary>
    public static double Timestamp(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds() / 1000.0;
}
