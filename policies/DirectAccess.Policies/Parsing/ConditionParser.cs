using System.Text.Json;
using DirectAccess.Policies.Conditions;

namespace DirectAccess.Policies.Parsing;

/// <summary>
/// Parses a <c>Condition</c> block (IAM user guide, "IAM JSON policy elements: Condition"):
/// <c>{"Operator": {"service:key": value | [values]}}</c>, values being strings, booleans or numbers. Policy variables
/// are interpreted only in String and ARN operators, and only under 2012-10-17.
/// </summary>
internal sealed class ConditionParser
{
    private readonly PolicyParser _policy;
    private readonly bool _variables;

    public ConditionParser(PolicyParser policy, bool variables)
    {
        _policy = policy;
        _variables = variables;
    }

    public ConditionClause[] Parse(JsonElement block, string path)
    {
        if (block.ValueKind != JsonValueKind.Object)
        {
            throw _policy.Error(path, $"Condition must be an object, found {PolicyParser.Describe(block.ValueKind)}");
        }

        var clauses = new List<ConditionClause>();
        foreach (var operatorProperty in _policy.UniqueProperties(block, path))
        {
            var operatorPath = JsonPaths.Property(path, operatorProperty.Name);
            if (!ConditionOperators.TryParse(operatorProperty.Name, out var op, out var error))
            {
                throw _policy.Error(operatorPath, error);
            }

            if (operatorProperty.Value.ValueKind != JsonValueKind.Object)
            {
                throw _policy.Error(operatorPath, $"expected an object of condition keys, found {PolicyParser.Describe(operatorProperty.Value.ValueKind)}");
            }

            var keyCount = 0;
            foreach (var keyProperty in _policy.UniqueProperties(operatorProperty.Value, operatorPath))
            {
                keyCount++;
                var keyPath = JsonPaths.Property(operatorPath, keyProperty.Name);
                if (!IsWellFormedKey(keyProperty.Name))
                {
                    throw _policy.Error(keyPath, $"malformed condition key '{keyProperty.Name}' (expected prefix:name, e.g. aws:SourceIp)");
                }

                var values = ParseValues(keyProperty.Value, keyPath);
                var variables = _variables && op!.Base.Family is OperatorFamily.String or OperatorFamily.Arn;
                try
                {
                    clauses.Add(ConditionClause.Compile(op!, keyProperty.Name, values, variables));
                }
                catch (FormatException e)
                {
                    throw _policy.Error(keyPath, $"{op!.Written}: {e.Message}");
                }
            }

            if (keyCount == 0)
            {
                throw _policy.Error(operatorPath, "the operator lists no condition keys");
            }
        }

        return [.. clauses];
    }

    private static bool IsWellFormedKey(string key)
    {
        var colon = key.IndexOf(':');
        return colon > 0 && colon < key.Length - 1 && !key.Any(char.IsWhiteSpace);
    }

    private List<string> ParseValues(JsonElement value, string path)
    {
        var values = new List<string>();
        if (value.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                values.Add(ScalarText(item, JsonPaths.Index(path, index++)));
            }

            if (values.Count == 0)
            {
                throw _policy.Error(path, "empty list of condition values");
            }
        }
        else
        {
            values.Add(ScalarText(value, path));
        }

        return values;
    }

    private string ScalarText(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        _ => throw _policy.Error(path, $"a condition value must be a string, boolean or number, found {PolicyParser.Describe(value.ValueKind)}"),
    };
}
