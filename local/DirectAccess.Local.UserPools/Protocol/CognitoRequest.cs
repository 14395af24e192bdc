using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.UserPools.Protocol;

/// <summary>
/// A parsed JSON 1.1 request body with typed access to its members (names exactly as in the botocore model
/// <c>cognito-idp/2016-04-18</c>). Missing required members fail like AWS's validation:
/// <c>InvalidParameterException</c> "1 validation error detected: Value null at '&lt;member&gt;' failed to satisfy
/// constraint: Member must not be null".
/// </summary>
/// <param name="Body">The request's JSON object.</param>
/// <param name="Http">The HTTP context (for admin signature checks and logging).</param>
public sealed record CognitoRequest(JsonElement Body, HttpContext Http)
{
    /// <summary>The string member <paramref name="name"/>, which must be present and non-empty.</summary>
    public string Required(string name) =>
        Optional(name) is { Length: > 0 } value ? value : throw NullMember(name);

    /// <summary>The string member <paramref name="name"/>, or null when absent or JSON null.</summary>
    /// <exception cref="CognitoException"><c>SerializationException</c> when it is not a string.</exception>
    public string? Optional(string name)
    {
        if (!Body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw WrongType(name);
    }

    /// <summary>The boolean member <paramref name="name"/>, or <paramref name="fallback"/> when absent.</summary>
    public bool Boolean(string name, bool fallback)
    {
        if (!Body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType(name),
        };
    }

    /// <summary>The integer member <paramref name="name"/>, or null when absent.</summary>
    public int? Integer(string name)
    {
        if (!Body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw WrongType(name);
    }

    /// <summary>A string-to-string map member (e.g. <c>AuthParameters</c>); empty when absent.</summary>
    public IReadOnlyDictionary<string, string> Map(string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return map;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw WrongType(name);
        }

        foreach (var entry in value.EnumerateObject())
        {
            map[entry.Name] = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString()! : throw WrongType(name);
        }

        return map;
    }

    /// <summary>An <c>AttributeListType</c> member (<c>[{"Name":..,"Value":..}]</c>) as ordered pairs; empty when absent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Attributes(string name)
    {
        var list = new List<KeyValuePair<string, string>>();
        if (!Body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return list;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw WrongType(name);
        }

        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("Name", out var attributeName)
                || attributeName.ValueKind != JsonValueKind.String)
            {
                throw WrongType(name);
            }

            var attributeValue = item.TryGetProperty("Value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
            list.Add(new(attributeName.GetString()!, attributeValue));
        }

        return list;
    }

    /// <summary>The list-of-strings member <paramref name="name"/>, or null when absent.</summary>
    public IReadOnlyList<string>? Strings(string name)
    {
        if (!Body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw WrongType(name);
        }

        return value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw WrongType(name)).ToList();
    }

    /// <summary>AWS's validation error for a missing required member.</summary>
    public static CognitoException NullMember(string name) =>
        CognitoException.InvalidParameter(
            $"1 validation error detected: Value null at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must not be null");

    private static CognitoException WrongType(string name) =>
        new("SerializationException", $"Unexpected value type for member {name}.");
}
