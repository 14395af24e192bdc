using DirectAccess.Local.Model;
using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resolution;

/// <summary>
/// Reads the <c>Resources</c> section into <see cref="ResourceDefinition"/>s: type supported, resource attributes
/// known (<c>DependsOn</c>, <c>Metadata</c>, deletion/update policies have no local effect), SAM globals merged.
/// </summary>
internal static class ResourceDefinitions
{
    private static readonly HashSet<string> IgnoredAttributes = new(StringComparer.Ordinal)
    {
        "DependsOn", "Metadata", "DeletionPolicy", "UpdateReplacePolicy", "UpdatePolicy", "CreationPolicy",
    };

    /// <summary>Reads every resource; its <c>Condition</c> name is returned for the loader to evaluate.</summary>
    public static Dictionary<string, (string Type, MappingNode Properties, string? Condition)> Read(MappingNode resources, MappingNode functionGlobals)
    {
        var result = new Dictionary<string, (string, MappingNode, string?)>(StringComparer.Ordinal);
        foreach (var (logicalId, node) in resources.Entries)
        {
            if (node is not MappingNode resource)
            {
                throw new TemplateException(logicalId, "(resource)", "A resource must be a mapping.");
            }

            var type = resource.Get("Type") is ScalarNode t ? t.Value : throw new TemplateException(logicalId, "Type", "Type is required.");
            if (!ResourceAttributes.SupportedTypes.Contains(type))
            {
                throw new TemplateException(logicalId, "Type", $"Resource type '{type}' is not supported by the local cloud.");
            }

            foreach (var (key, _) in resource.Entries)
            {
                if (key is not ("Type" or "Properties" or "Condition") && !IgnoredAttributes.Contains(key))
                {
                    throw new TemplateException(logicalId, key, "Unknown resource attribute.");
                }
            }

            var properties = resource.Get("Properties") switch
            {
                null => new MappingNode([]),
                MappingNode map => map,
                _ => throw new TemplateException(logicalId, "Properties", "Properties must be a mapping."),
            };
            if (type == "AWS::Serverless::Function")
            {
                properties = SamGlobals.Merge(functionGlobals, properties);
            }

            var condition = resource.Get("Condition") switch
            {
                null => null,
                ScalarNode c => c.Value,
                _ => throw new TemplateException(logicalId, "Condition", "Condition must name a condition."),
            };
            result[logicalId] = (type, properties, condition);
        }

        return result;
    }
}
