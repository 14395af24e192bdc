using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace DirectAccess.Foundation.Tests;

/// <summary>
/// Reads a CloudFormation YAML template into JSON nodes, keeping short-form intrinsics visible: a <c>!Sub "text"</c>
/// becomes the plain text with <c>${!x}</c> unescaped to <c>${x}</c> (what IAM finally sees, with the CloudFormation
/// placeholders left in); any other tag becomes <c>{"Fn::Tag": value}</c> so nothing is silently dropped.
/// </summary>
internal static class CloudFormationYaml
{
    public static JsonObject Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        return (JsonObject)ToJson(stream.Documents[0].RootNode)!;
    }

    private static JsonNode? ToJson(YamlNode node)
    {
        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        return node switch
        {
            YamlScalarNode scalar when tag == "!Sub" => JsonValue.Create(scalar.Value!.Replace("${!", "${", StringComparison.Ordinal)),
            YamlScalarNode scalar when tag is null || tag.StartsWith("tag:yaml.org", StringComparison.Ordinal) => JsonValue.Create(scalar.Value),
            YamlScalarNode scalar => new JsonObject { [IntrinsicName(tag!)] = JsonValue.Create(scalar.Value) },
            YamlMappingNode map when tag is null => Map(map),
            YamlSequenceNode seq when tag is null => new JsonArray(seq.Children.Select(ToJson).ToArray()),
            YamlMappingNode map => new JsonObject { [IntrinsicName(tag!)] = Map(map) },
            YamlSequenceNode seq => new JsonObject { [IntrinsicName(tag!)] = new JsonArray(seq.Children.Select(ToJson).ToArray()) },
            _ => throw new InvalidDataException($"Unsupported YAML node at {node.Start}"),
        };
    }

    private static JsonObject Map(YamlMappingNode map)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            result[((YamlScalarNode)key).Value!] = ToJson(value);
        }

        return result;
    }

    private static string IntrinsicName(string tag) => tag == "!Ref" ? "Ref" : "Fn::" + tag.TrimStart('!');
}
