using DirectAccess.Local.Model;
using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resolution;

/// <summary>
/// The template's top-level sections (CloudFormation "Template anatomy" plus SAM's <c>Transform</c> and
/// <c>Globals</c>). Unknown sections and transforms other than <c>AWS::Serverless-2016-10-31</c> are refused.
/// </summary>
internal sealed class TemplateSections
{
    private static readonly HashSet<string> KnownSections = new(StringComparer.Ordinal)
    {
        "AWSTemplateFormatVersion", "Transform", "Description", "Metadata", "Parameters", "Mappings", "Conditions",
        "Resources", "Outputs", "Globals",
    };

    private static readonly MappingNode Empty = new([]);

    public TemplateSections(MappingNode root)
    {
        foreach (var (key, _) in root.Entries)
        {
            if (!KnownSections.Contains(key))
            {
                throw new TemplateException(key, "(section)", "Unknown or unsupported template section.");
            }
        }

        CheckTransform(root.Get("Transform"));
        Parameters = Section(root, "Parameters");
        Mappings = Section(root, "Mappings");
        Conditions = Section(root, "Conditions");
        Resources = Section(root, "Resources");
        Outputs = Section(root, "Outputs");
        Globals = Section(root, "Globals");
        if (Resources.Entries.Count == 0)
        {
            throw new TemplateException("Resources", "(section)", "The template has no resources.");
        }
    }

    public MappingNode Parameters { get; }

    public MappingNode Mappings { get; }

    public MappingNode Conditions { get; }

    public MappingNode Resources { get; }

    public MappingNode Outputs { get; }

    public MappingNode Globals { get; }

    /// <summary>Each parameter's <c>Default</c> (the local cloud takes no parameter overrides).</summary>
    public IReadOnlyDictionary<string, string> ParameterValues()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, node) in Parameters.Entries)
        {
            values[name] = node is MappingNode { } parameter && parameter.Get("Default") is ScalarNode value
                ? value.Value
                : throw new TemplateException("Parameters", name, "A parameter needs a string Default to run locally.");
        }

        return values;
    }

    private static void CheckTransform(TemplateNode? transform)
    {
        var names = transform switch
        {
            null => [],
            ScalarNode one => [one.Value],
            SequenceNode many => many.Items.Select(i => i is ScalarNode s ? s.Value : "").ToArray(),
            _ => new[] { "" },
        };
        foreach (var name in names.Where(n => n != "AWS::Serverless-2016-10-31"))
        {
            throw new TemplateException("Transform", "(section)", $"Transform '{name}' is not supported locally.");
        }
    }

    private static MappingNode Section(MappingNode root, string name) => root.Get(name) switch
    {
        null => Empty,
        MappingNode map => map,
        _ => throw new TemplateException(name, "(section)", "The section must be a mapping."),
    };
}
