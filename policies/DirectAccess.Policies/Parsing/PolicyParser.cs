using System.Text.Json;
using DirectAccess.Policies.Evaluation;

namespace DirectAccess.Policies.Parsing;

/// <summary>
/// Strict parser for IAM JSON policies (IAM user guide, "IAM JSON policy element reference" and "grammar"): every
/// element is checked; anything unknown or malformed is a <see cref="PolicyParseException"/> naming the JSON path.
/// Element names, effects and operator names are matched exactly as AWS spells them.
/// </summary>
internal sealed class PolicyParser
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };

    private readonly string _name;

    private PolicyParser(string name) => _name = name;

    /// <summary>Parses and compiles <paramref name="json"/>.</summary>
    public static PolicyDocument Parse(string json, string name)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(name);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new PolicyParseException(name, JsonPaths.Root,
                $"not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}");
        }

        using (document)
        {
            return new PolicyParser(name).ParseDocument(document.RootElement);
        }
    }

    internal PolicyParseException Error(string path, string message) => new(_name, path, message);

    private PolicyDocument ParseDocument(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Error(JsonPaths.Root, "a policy must be a JSON object");
        }

        string? version = null;
        string? id = null;
        JsonElement? statement = null;
        foreach (var property in UniqueProperties(root, JsonPaths.Root))
        {
            var path = JsonPaths.Property(JsonPaths.Root, property.Name);
            switch (property.Name)
            {
                case "Version":
                    version = RequireString(property.Value, path);
                    if (version is not (PolicyDocument.CurrentVersion or PolicyDocument.LegacyVersion))
                    {
                        throw Error(path, $"unknown policy version '{version}' (expected {PolicyDocument.CurrentVersion} or {PolicyDocument.LegacyVersion})");
                    }

                    break;
                case "Id":
                    id = RequireString(property.Value, path);
                    break;
                case "Statement":
                    statement = property.Value;
                    break;
                default:
                    throw Error(path, $"unknown policy element '{property.Name}'");
            }
        }

        if (statement is null)
        {
            throw Error(JsonPaths.Root, "the policy has no Statement");
        }

        var variables = version == PolicyDocument.CurrentVersion;
        var statementsPath = JsonPaths.Property(JsonPaths.Root, "Statement");
        var statements = new List<CompiledStatement>();
        var statementParser = new StatementParser(this, _name, variables);
        switch (statement.Value.ValueKind)
        {
            case JsonValueKind.Object:
                statements.Add(statementParser.Parse(statement.Value, statementsPath, 0));
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var element in statement.Value.EnumerateArray())
                {
                    statements.Add(statementParser.Parse(element, JsonPaths.Index(statementsPath, index), index));
                    index++;
                }

                if (index == 0)
                {
                    throw Error(statementsPath, "Statement is an empty list");
                }

                break;
            default:
                throw Error(statementsPath, "Statement must be an object or a list of objects");
        }

        return new PolicyDocument(_name, version, id, statements);
    }

    /// <summary>The properties of an object, rejecting duplicate names (JSON allows them; IAM policies must not rely on them).</summary>
    internal IEnumerable<JsonProperty> UniqueProperties(JsonElement element, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                throw Error(JsonPaths.Property(path, property.Name), $"duplicate element '{property.Name}'");
            }

            yield return property;
        }
    }

    /// <summary>A JSON string, or an error naming <paramref name="path"/>.</summary>
    internal string RequireString(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            throw Error(path, $"expected a string, found {Describe(element.ValueKind)}");
        }

        return element.GetString()!;
    }

    /// <summary>A non-empty string or non-empty list of non-empty strings.</summary>
    internal List<(string Value, string Path)> RequireStringList(JsonElement element, string path)
    {
        var result = new List<(string, string)>();
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                result.Add((RequireNonEmpty(element, path), path));
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var itemPath = JsonPaths.Index(path, index++);
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        throw Error(itemPath, $"expected a string, found {Describe(item.ValueKind)}");
                    }

                    result.Add((RequireNonEmpty(item, itemPath), itemPath));
                }

                if (result.Count == 0)
                {
                    throw Error(path, "expected a string or a non-empty list of strings, found an empty list");
                }

                break;
            default:
                throw Error(path, $"expected a string or a list of strings, found {Describe(element.ValueKind)}");
        }

        return result;
    }

    /// <summary>Names a JSON value kind for messages.</summary>
    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    private string RequireNonEmpty(JsonElement element, string path)
    {
        var value = element.GetString()!;
        if (value.Length == 0)
        {
            throw Error(path, "empty string");
        }

        return value;
    }
}
