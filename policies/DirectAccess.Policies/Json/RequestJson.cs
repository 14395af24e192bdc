using System.Text.Json;
using DirectAccess.Policies.Templates;

namespace DirectAccess.Policies.Json;

/// <summary>
/// Reads an offline request file: <c>{"action": "s3:GetObject", "resource": "arn:...", "context": {"key": "value" |
/// ["v1", "v2"]}}</c>. Context values may also be booleans or numbers (taken as their JSON text). Unknown fields are
/// errors, so a typo cannot silently change the question being asked.
/// </summary>
public static class RequestJson
{
    /// <summary>Parses <paramref name="json"/> into a request, filling <paramref name="parameters"/> placeholders
    /// (see <see cref="PolicyTemplate.Substitute"/>) in the resource and context values when given.</summary>
    /// <exception cref="InvalidDataException">Malformed JSON or a field of the wrong shape; the message names it.</exception>
    public static RequestContext Parse(string json, IReadOnlyDictionary<string, string>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var fill = parameters is null ? (Func<string, string>)(s => s) : s => PolicyTemplate.Substitute(s, parameters);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"request is not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException("request must be a JSON object with action, resource and context");
            }

            string? action = null;
            string? resource = null;
            var context = new List<(string Key, string[] Values)>();
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "action":
                        action = NonEmptyString(property.Value, "$.action");
                        break;
                    case "resource":
                        resource = fill(NonEmptyString(property.Value, "$.resource"));
                        break;
                    case "context":
                        context.AddRange(ParseContext(property.Value, fill));
                        break;
                    default:
                        throw new InvalidDataException($"$.{property.Name}: unknown request field (expected action, resource, context)");
                }
            }

            var request = new RequestContext(
                action ?? throw new InvalidDataException("$.action: missing"),
                resource ?? throw new InvalidDataException("$.resource: missing"));
            foreach (var (key, values) in context)
            {
                request.WithValues(key, values);
            }

            return request;
        }
    }

    private static IEnumerable<(string, string[])> ParseContext(JsonElement element, Func<string, string> fill)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("$.context: must be an object of key → value or list of values");
        }

        var result = new List<(string, string[])>();
        foreach (var key in element.EnumerateObject())
        {
            var path = $"$.context['{key.Name}']";
            if (key.Name.Length == 0)
            {
                throw new InvalidDataException($"{path}: empty key");
            }

            var values = key.Value.ValueKind == JsonValueKind.Array
                ? key.Value.EnumerateArray().Select((v, i) => Scalar(v, $"{path}[{i}]")).ToArray()
                : [Scalar(key.Value, path)];
            result.Add((key.Name, values.Select(fill).ToArray()));
        }

        return result;
    }

    private static string Scalar(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        _ => throw new InvalidDataException($"{path}: a context value must be a string, boolean or number"),
    };

    private static string NonEmptyString(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidDataException($"{path}: must be a non-empty string");
}
