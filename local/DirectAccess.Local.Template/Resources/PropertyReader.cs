using System.Globalization;
using DirectAccess.Local.Template.Resolution;
using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resources;

/// <summary>
/// Typed access to a resolved property mapping that remembers what was read. Every property must be either read
/// (the local cloud honours it), declared irrelevant locally (<see cref="Ignore"/>), or it is refused by
/// <see cref="EnsureAllUnderstood"/>: nothing in the template is silently dropped.
/// </summary>
internal sealed class PropertyReader(MappingNode properties, PropertyPath path)
{
    private readonly HashSet<string> _understood = new(StringComparer.Ordinal);

    /// <summary>Where this mapping is.</summary>
    public PropertyPath Path => path;

    /// <summary>A string property, or null when absent.</summary>
    public string? String(string name) => Take(name) switch
    {
        null => null,
        ScalarNode scalar => scalar.Value,
        _ => throw path.Child(name).Error("Expected a string."),
    };

    /// <summary>A string property that must be present.</summary>
    public string RequiredString(string name) => String(name) ?? throw path.Child(name).Error("Required property is missing.");

    /// <summary>A boolean (<c>true</c>/<c>false</c>, any case), or <paramref name="fallback"/> when absent.</summary>
    public bool Bool(string name, bool fallback) => String(name)?.ToLowerInvariant() switch
    {
        null => fallback,
        "true" => true,
        "false" => false,
        var other => throw path.Child(name).Error($"Expected true or false, not '{other}'."),
    };

    /// <summary>An integer within [<paramref name="min"/>, <paramref name="max"/>], or null when absent.</summary>
    public int? Int(string name, int min, int max)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw path.Child(name).Error($"Expected an integer from {min} to {max}, not '{text}'.");
    }

    /// <summary>A list of strings (empty when absent).</summary>
    public IReadOnlyList<string> Strings(string name) => Take(name) switch
    {
        null => [],
        SequenceNode list => list.Items.Select((item, i) => item is ScalarNode s ? s.Value : throw path.Child(name).Item(i).Error("Expected a string.")).ToArray(),
        _ => throw path.Child(name).Error("Expected a list of strings."),
    };

    /// <summary>A nested mapping, or null when absent.</summary>
    public PropertyReader? Object(string name) => Take(name) switch
    {
        null => null,
        MappingNode map => new PropertyReader(map, path.Child(name)),
        _ => throw path.Child(name).Error("Expected a mapping."),
    };

    /// <summary>A list of mappings (empty when absent).</summary>
    public IReadOnlyList<PropertyReader> Objects(string name) => Take(name) switch
    {
        null => [],
        SequenceNode list => list.Items.Select((item, i) => item is MappingNode map
            ? new PropertyReader(map, path.Child(name).Item(i))
            : throw path.Child(name).Item(i).Error("Expected a mapping.")).ToArray(),
        _ => throw path.Child(name).Error("Expected a list."),
    };

    /// <summary>The raw resolved value, or null when absent.</summary>
    public TemplateNode? Node(string name) => Take(name);

    /// <summary>All entries of this mapping (for maps keyed by user-chosen names, e.g. <c>RoleMappings</c>).</summary>
    public IEnumerable<KeyValuePair<string, TemplateNode>> Entries => properties.Entries;

    /// <summary>Declares properties that are accepted but have no effect locally (e.g. <c>Description</c>, <c>Tags</c>).</summary>
    public void Ignore(params string[] names) => _understood.UnionWith(names);

    /// <summary>Refuses <paramref name="name"/> when present: it has semantics the local cloud does not implement.</summary>
    public void Refuse(string name, string why)
    {
        if (properties.Get(name) is not null)
        {
            throw path.Child(name).Error(why);
        }
    }

    /// <summary>Throws for the first property that was neither read nor declared irrelevant.</summary>
    public void EnsureAllUnderstood()
    {
        foreach (var (key, _) in properties.Entries)
        {
            if (!_understood.Contains(key))
            {
                throw path.Child(key).Error("This property is not supported by the local cloud.");
            }
        }
    }

    private TemplateNode? Take(string name)
    {
        _understood.Add(name);
        return properties.Get(name);
    }
}
