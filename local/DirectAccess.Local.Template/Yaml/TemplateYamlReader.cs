using DirectAccess.Local.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DirectAccess.Local.Template.Yaml;

/// <summary>
/// Parses template YAML into <see cref="TemplateNode"/>s, rewriting CloudFormation short-form tags to long forms
/// (AWS CloudFormation user guide, "Intrinsic function reference": <c>!Ref x</c> is <c>Ref: x</c>, <c>!Sub</c> is
/// <c>Fn::Sub</c>, and so on). An unknown short tag becomes <c>Fn::&lt;tag&gt;</c>, which resolution then refuses.
/// </summary>
internal static class TemplateYamlReader
{
    /// <summary>Parses <paramref name="yaml"/>; its root must be a mapping.</summary>
    /// <exception cref="TemplateException">When the YAML is malformed or its root is not a mapping.</exception>
    public static MappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new TemplateException("(template)", $"line {e.Start.Line}", $"Malformed YAML: {e.Message}");
        }

        if (stream.Documents.Count != 1 || Convert(stream.Documents[0].RootNode) is not MappingNode root)
        {
            throw new TemplateException("(template)", "(root)", "The template must be one YAML document whose root is a mapping.");
        }

        return root;
    }

    private static TemplateNode Convert(YamlNode node)
    {
        TemplateNode plain = node switch
        {
            YamlScalarNode scalar => new ScalarNode(scalar.Value ?? "", scalar.Style is ScalarStyle.Plain or ScalarStyle.Any),
            YamlSequenceNode sequence => new SequenceNode(sequence.Children.Select(Convert).ToArray()),
            YamlMappingNode mapping => new MappingNode(mapping.Children.Select(ConvertEntry).ToArray()),
            _ => throw new TemplateException("(template)", $"line {node.Start.Line}", "Unsupported YAML node."),
        };
        var functionName = LongFormName(node.Tag.IsEmpty ? null : node.Tag.Value);
        return functionName is null
            ? plain
            : new MappingNode([new KeyValuePair<string, TemplateNode>(functionName, plain)]);
    }

    private static KeyValuePair<string, TemplateNode> ConvertEntry(KeyValuePair<YamlNode, YamlNode> entry)
    {
        if (entry.Key is not YamlScalarNode key || !entry.Key.Tag.IsEmpty)
        {
            throw new TemplateException("(template)", $"line {entry.Key.Start.Line}", "Mapping keys must be plain strings.");
        }

        return new KeyValuePair<string, TemplateNode>(key.Value ?? "", Convert(entry.Value));
    }

    /// <summary>Long-form key for a short-form tag; null for no tag or a YAML core tag (<c>!!str</c> and friends).</summary>
    private static string? LongFormName(string? tag)
    {
        if (tag is null || tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) || !tag.StartsWith('!'))
        {
            return null;
        }

        var name = tag[1..];
        return name is "Ref" or "Condition" ? name : "Fn::" + name;
    }
}
