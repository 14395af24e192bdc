using DirectAccess.Local.Model;
using DirectAccess.Local.Template.Resolution;
using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resources;

/// <summary>
/// The <c>Outputs</c> section resolved to strings, keyed exactly by the template's output keys (outputs whose
/// <c>Condition</c> is false are left out). <c>Export</c> and <c>Description</c> have no local effect.
/// </summary>
internal static class OutputsReader
{
    public static IReadOnlyDictionary<string, string> Read(MappingNode outputs, IntrinsicResolver resolver)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in outputs.Entries)
        {
            var at = new PropertyPath("Outputs", key);
            if (node is not MappingNode output)
            {
                throw at.Error("An output must be a mapping.");
            }

            var properties = new PropertyReader(output, at);
            var condition = properties.String("Condition");
            properties.Ignore("Description", "Export");
            properties.Node("Value");
            properties.EnsureAllUnderstood();
            if (condition is not null && !resolver.Scope.Conditions.IsTrue(condition, at))
            {
                continue;
            }

            values[key] = resolver.ResolveString(output.Get("Value") ?? throw at.Child("Value").Error("Value is required."), at.Child("Value"));
        }

        return values;
    }
}
