using System.Text.Json;
using System.Text.RegularExpressions;

namespace DirectAccess.Local.Identity.Protocol;

/// <summary>
/// A JSON 1.1 request body with typed, validated members. Constraint failures read as AWS's own validation errors:
/// <c>ValidationException</c> "1 validation error detected: Value '...' at '...' failed to satisfy constraint: ...".
/// </summary>
public sealed partial class JsonRequest(JsonElement root)
{
    /// <summary>Parses <paramref name="body"/>; an empty body is <c>{}</c>.</summary>
    /// <exception cref="IdentityPoolException"><c>SerializationException</c> for malformed JSON or a non-object.</exception>
    public static JsonRequest Parse(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return new JsonRequest(JsonDocument.Parse("{}").RootElement);
        }

        try
        {
            var root = JsonDocument.Parse(body).RootElement;
            return root.ValueKind == JsonValueKind.Object
                ? new JsonRequest(root)
                : throw new IdentityPoolException("SerializationException", "Start of structure or map found where not expected.");
        }
        catch (JsonException)
        {
            throw new IdentityPoolException("SerializationException", "The request body is not valid JSON.");
        }
    }

    /// <summary>A string member, or null. <paramref name="pattern"/> is the botocore shape's pattern (whole match).</summary>
    public string? String(string name, int min = 0, int max = int.MaxValue, Regex? pattern = null)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new IdentityPoolException("SerializationException", $"Expected a string for {name}.");
        }

        var text = value.GetString()!;
        if (text.Length < min || text.Length > max)
        {
            throw Invalid(text, name, $"Member must have length {(text.Length < min ? "greater than or equal to " + min : "less than or equal to " + max)}");
        }

        if (pattern is not null && !pattern.IsMatch(text))
        {
            throw Invalid(text, name, $"Member must satisfy regular expression pattern: {pattern.ToString().Trim('^', '$')}");
        }

        return text;
    }

    /// <summary>A required string member.</summary>
    public string RequiredString(string name, int min = 1, int max = int.MaxValue, Regex? pattern = null) =>
        String(name, min, max, pattern) ?? throw Invalid("null", name, "Member must not be null");

    /// <summary>An integer member, or null.</summary>
    public int? Int(string name, int min, int max)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw new IdentityPoolException("SerializationException", $"Expected an integer for {name}.");
        }

        return number >= min && number <= max
            ? number
            : throw Invalid(number.ToString(System.Globalization.CultureInfo.InvariantCulture), name,
                number < min ? $"Member must have value greater than or equal to {min}" : $"Member must have value less than or equal to {max}");
    }

    /// <summary>A string-to-string map member (e.g. <c>Logins</c>, at most <paramref name="maxEntries"/>), empty when absent.</summary>
    public IReadOnlyDictionary<string, string> Map(string name, int maxEntries)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return map;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new IdentityPoolException("SerializationException", $"Expected a map for {name}.");
        }

        foreach (var entry in value.EnumerateObject())
        {
            map[entry.Name] = entry.Value.ValueKind == JsonValueKind.String
                ? entry.Value.GetString()!
                : throw new IdentityPoolException("SerializationException", $"Expected string values in {name}.");
        }

        return map.Count <= maxEntries
            ? map
            : throw Invalid("map", name, $"Member must have length less than or equal to {maxEntries}");
    }

    /// <summary>The pattern of <c>IdentityPoolId</c> and <c>IdentityId</c> (botocore: <c>[\w-]+:[0-9a-f-]+</c>).</summary>
    [GeneratedRegex(@"^[\w-]+:[0-9a-f-]+$")]
    public static partial Regex IdPattern();

    private static IdentityPoolException Invalid(string value, string name, string constraint) =>
        new("ValidationException",
            $"1 validation error detected: Value '{value}' at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: {constraint}");
}
