using System.Text.Json;
using System.Text.Json.Nodes;

namespace DirectAccess.Foundation.Tests;

/// <summary>
/// Checks that every IAM role in template.yaml carries exactly the documents in policies/: group roles' inline
/// policy named N equals <c>policies/roles/N.json</c> and their trust policy equals <c>policies/roles/trust.json</c>;
/// function roles' policy named N equals <c>policies/functions/N.json</c>, trust <c>policies/functions/trust.json</c>.
/// Each difference names the role, the policy and the statement (index and Sid).
/// </summary>
internal static class TemplatePolicyDrift
{
    public static IReadOnlyList<string> Check(string templatePath, string policiesDir)
    {
        var differences = new List<string>();
        var resources = CloudFormationYaml.Load(templatePath)["Resources"]!.AsObject();
        var roles = resources.Where(r => (string?)r.Value!["Type"] == "AWS::IAM::Role").ToList();
        if (roles.Count == 0)
        {
            differences.Add("template has no AWS::IAM::Role");
        }

        foreach (var (logicalId, role) in roles)
        {
            var properties = role!["Properties"]!;
            var isFunctionRole = logicalId.EndsWith("FunctionRole", StringComparison.Ordinal);
            var folder = Path.Combine(policiesDir, isFunctionRole ? "functions" : "roles");
            Compare(differences, logicalId, "AssumeRolePolicyDocument", properties["AssumeRolePolicyDocument"], Path.Combine(folder, "trust.json"));
            var inline = properties["Policies"]?.AsArray() ?? [];
            if (inline.Count != 1)
            {
                differences.Add($"{logicalId}: expected exactly one inline policy, found {inline.Count}");
            }

            foreach (var policy in inline)
            {
                var name = (string)policy!["PolicyName"]!;
                Compare(differences, logicalId, $"Policies[{name}]", policy["PolicyDocument"], Path.Combine(folder, name + ".json"));
            }
        }

        return differences;
    }

    private static void Compare(List<string> differences, string role, string where, JsonNode? inTemplate, string file)
    {
        if (!File.Exists(file))
        {
            differences.Add($"{role}.{where}: no policies file {Path.GetFileName(file)}");
            return;
        }

        var expected = JsonNode.Parse(File.ReadAllText(file))!;
        if (inTemplate is null)
        {
            differences.Add($"{role}.{where}: missing from the template");
            return;
        }

        if ((string?)inTemplate["Version"] != (string?)expected["Version"])
        {
            differences.Add($"{role}.{where}: Version {(string?)inTemplate["Version"]} differs from {Path.GetFileName(file)}");
        }

        var actualStatements = Statements(inTemplate);
        var expectedStatements = Statements(expected);
        for (var i = 0; i < Math.Max(actualStatements.Count, expectedStatements.Count); i++)
        {
            var actual = i < actualStatements.Count ? actualStatements[i] : null;
            var wanted = i < expectedStatements.Count ? expectedStatements[i] : null;
            if (!JsonNode.DeepEquals(Normalize(actual), Normalize(wanted)))
            {
                var sid = (string?)(wanted ?? actual)?["Sid"];
                differences.Add($"{role}.{where}: Statement[{i}] ({sid ?? "no Sid"}) differs from {Path.GetFileName(file)}: " +
                    $"template {Describe(actual)} vs policies {Describe(wanted)}");
            }
        }
    }

    private static List<JsonNode?> Statements(JsonNode document) => document["Statement"] switch
    {
        JsonArray array => [.. array],
        JsonNode single => [single],
        _ => [],
    };

    // YAML scalars arrive as strings; compare on text so `true` and "true" are the same document.
    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Normalize).ToArray()),
        JsonValue value => JsonValue.Create(value.ToJsonString().Trim('"')),
        _ => null,
    };

    private static string Describe(JsonNode? node) => node is null ? "(absent)" : node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
