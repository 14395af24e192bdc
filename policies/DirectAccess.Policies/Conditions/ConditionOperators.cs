namespace DirectAccess.Policies.Conditions;

/// <summary>The kind of value a condition operator compares.</summary>
internal enum OperatorFamily { String, Numeric, Date, Bool, Binary, IpAddress, Arn, Null }

/// <summary>How a request value is compared with a policy value.</summary>
internal enum ValueComparison { Equals, EqualsIgnoreCase, Like, LessThan, LessThanEquals, GreaterThan, GreaterThanEquals }

/// <summary>The set operator in front of a condition operator (IAM user guide, "Multivalued context keys").</summary>
internal enum SetQualifier { None, ForAnyValue, ForAllValues }

/// <summary>A base condition operator: its family, comparison, and whether it is a negation (NOR over values).</summary>
internal sealed record OperatorInfo(string Name, OperatorFamily Family, ValueComparison Comparison, bool Negated);

/// <summary>An operator as written: <c>[ForAnyValue:|ForAllValues:]Base[IfExists]</c>.</summary>
internal sealed record ParsedOperator(string Written, OperatorInfo Base, SetQualifier Qualifier, bool IfExists);

/// <summary>
/// The condition operators IAM knows (IAM user guide, "IAM JSON policy elements: Condition operators"). Names are
/// matched exactly as AWS spells them.
/// </summary>
internal static class ConditionOperators
{
    private const string IfExistsSuffix = "IfExists";
    private const string ForAnyValuePrefix = "ForAnyValue:";
    private const string ForAllValuesPrefix = "ForAllValues:";

    private static readonly Dictionary<string, OperatorInfo> Known = Build();

    /// <summary>Parses an operator name; returns an error text when it is not one IAM knows.</summary>
    public static bool TryParse(string written, out ParsedOperator? parsed, out string error)
    {
        parsed = null;
        var name = written;
        var qualifier = SetQualifier.None;
        if (name.StartsWith(ForAnyValuePrefix, StringComparison.Ordinal))
        {
            qualifier = SetQualifier.ForAnyValue;
            name = name[ForAnyValuePrefix.Length..];
        }
        else if (name.StartsWith(ForAllValuesPrefix, StringComparison.Ordinal))
        {
            qualifier = SetQualifier.ForAllValues;
            name = name[ForAllValuesPrefix.Length..];
        }
        else if (name.Contains(':'))
        {
            error = $"unknown condition qualifier in '{written}' (expected ForAnyValue: or ForAllValues:)";
            return false;
        }

        var ifExists = false;
        if (name.EndsWith(IfExistsSuffix, StringComparison.Ordinal) && name != IfExistsSuffix)
        {
            ifExists = true;
            name = name[..^IfExistsSuffix.Length];
        }

        if (!Known.TryGetValue(name, out var info))
        {
            error = $"unknown condition operator '{written}'";
            return false;
        }

        if (info.Family == OperatorFamily.Null && (ifExists || qualifier != SetQualifier.None))
        {
            error = $"the Null operator takes neither IfExists nor a set qualifier: '{written}'";
            return false;
        }

        parsed = new ParsedOperator(written, info, qualifier, ifExists);
        error = "";
        return true;
    }

    private static Dictionary<string, OperatorInfo> Build()
    {
        var all = new List<OperatorInfo>
        {
            new("StringEquals", OperatorFamily.String, ValueComparison.Equals, false),
            new("StringNotEquals", OperatorFamily.String, ValueComparison.Equals, true),
            new("StringEqualsIgnoreCase", OperatorFamily.String, ValueComparison.EqualsIgnoreCase, false),
            new("StringNotEqualsIgnoreCase", OperatorFamily.String, ValueComparison.EqualsIgnoreCase, true),
            new("StringLike", OperatorFamily.String, ValueComparison.Like, false),
            new("StringNotLike", OperatorFamily.String, ValueComparison.Like, true),
            new("Bool", OperatorFamily.Bool, ValueComparison.Equals, false),
            new("BinaryEquals", OperatorFamily.Binary, ValueComparison.Equals, false),
            new("IpAddress", OperatorFamily.IpAddress, ValueComparison.Equals, false),
            new("NotIpAddress", OperatorFamily.IpAddress, ValueComparison.Equals, true),
            // ArnEquals and ArnLike behave the same: both allow wildcards per ARN part.
            new("ArnEquals", OperatorFamily.Arn, ValueComparison.Like, false),
            new("ArnLike", OperatorFamily.Arn, ValueComparison.Like, false),
            new("ArnNotEquals", OperatorFamily.Arn, ValueComparison.Like, true),
            new("ArnNotLike", OperatorFamily.Arn, ValueComparison.Like, true),
            new("Null", OperatorFamily.Null, ValueComparison.Equals, false),
        };
        foreach (var (prefix, family) in new[] { ("Numeric", OperatorFamily.Numeric), ("Date", OperatorFamily.Date) })
        {
            all.Add(new($"{prefix}Equals", family, ValueComparison.Equals, false));
            all.Add(new($"{prefix}NotEquals", family, ValueComparison.Equals, true));
            all.Add(new($"{prefix}LessThan", family, ValueComparison.LessThan, false));
            all.Add(new($"{prefix}LessThanEquals", family, ValueComparison.LessThanEquals, false));
            all.Add(new($"{prefix}GreaterThan", family, ValueComparison.GreaterThan, false));
            all.Add(new($"{prefix}GreaterThanEquals", family, ValueComparison.GreaterThanEquals, false));
        }

        return all.ToDictionary(o => o.Name, StringComparer.Ordinal);
    }
}
