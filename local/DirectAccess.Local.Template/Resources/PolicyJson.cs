using System.Globalization;
using System.Text;
using System.Text.Json;
using DirectAccess.Local.Template.Resolution;
using DirectAccess.Local.Template.Yaml;
using DirectAccess.Policies;

namespace DirectAccess.Local.Template.Resources;

/// <summary>
/// Turns a resolved policy document from the template into JSON (what CloudFormation sends to IAM) and parses it
/// with the policy engine. Unquoted YAML <c>true</c>/<c>false</c>/canonical integers become JSON literals, as CloudFormation's
/// YAML-to-JSON conversion does; everything else is a JSON string.
/// </summary>
internal static class PolicyJson
{
    /// <summary>Parses the policy at <paramref name="at"/>.</summary>
    /// <exception cref="Model.TemplateException">When the document is not a mapping or the engine refuses it
    /// (the message carries the engine's JSON path).</exception>
    public static PolicyDocument Parse(TemplateNode? document, string name, PropertyPath at)
    {
        if (document is not MappingNode)
        {
            throw at.Error("A policy document (mapping) is required.");
        }

        try
        {
            return PolicyDocument.Parse(ToJson(document), name);
        }
        catch (PolicyParseException e)
        {
            throw at.Error($"Policy does not parse: {e.Message}");
        }
    }

    /// <summary>The JSON text of a resolved node.</summary>
    public static string ToJson(TemplateNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, node);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, TemplateNode node)
    {
        switch (node)
        {
            case MappingNode map:
                writer.WriteStartObject();
                foreach (var (key, value) in map.Entries)
                {
                    writer.WritePropertyName(key);
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case SequenceNode list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case ScalarNode { IsPlain: true, Value: "true" or "false" } flag:
                writer.WriteBooleanValue(flag.Value == "true");
                break;
            case ScalarNode { IsPlain: true } plain when IsCanonicalInteger(plain.Value, out var number):
                writer.WriteNumberValue(number);
                break;
            case ScalarNode scalar:
                writer.WriteStringValue(scalar.Value);
                break;
            default:
                throw new InvalidOperationException("Unresolved node in a policy document.");
        }
    }

    /// <summary>
    /// True for plain integers written canonically (<c>60</c>, <c>-1</c>); <c>000000000000</c> or <c>+5</c> stay strings
    /// so an unquoted account id or code is never turned into a different value.
    /// </summary>
    private static bool IsCanonicalInteger(string text, out long number) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number)
        && number.ToString(CultureInfo.InvariantCulture) == text;
}
