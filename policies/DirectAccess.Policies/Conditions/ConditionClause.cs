using DirectAccess.Policies.Matching;

namespace DirectAccess.Policies.Conditions;

/// <summary>
/// One condition key under one operator, e.g. <c>"StringLike": {"s3:prefix": ["public/", "public/*"]}</c>, with the
/// IAM rules for missing keys and multivalued keys (IAM user guide, "Condition", "Multivalued context keys"):
/// <list type="bullet">
/// <item>values for the key are ORed; for a negated operator the result is NOR;</item>
/// <item>key absent (or present with no values): <c>...IfExists</c> → true; <c>ForAllValues:</c> → true;
/// <c>ForAnyValue:</c> → false; otherwise negated operator → true, ordinary operator → false;</item>
/// <item>several request values: <c>ForAllValues:</c> needs every one to satisfy the operator, otherwise one is
/// enough;</item>
/// <item><c>Null</c>: <c>true</c> holds when the key is absent, <c>false</c> when it is present.</item>
/// </list>
/// </summary>
internal sealed class ConditionClause
{
    private readonly ValueMatcher? _matcher;
    private readonly bool[] _nullExpectations;

    private ConditionClause(ParsedOperator op, string key, ValueMatcher? matcher, bool[] nullExpectations)
    {
        Operator = op;
        Key = key;
        _matcher = matcher;
        _nullExpectations = nullExpectations;
    }

    /// <summary>The operator as written.</summary>
    public ParsedOperator Operator { get; }

    /// <summary>The condition key as written (matched case-insensitively).</summary>
    public string Key { get; }

    /// <summary>Policy variables in the values.</summary>
    public IEnumerable<PatternPiece> Variables => _matcher?.Variables ?? [];

    /// <summary>Compiles the values of one key for <paramref name="op"/>.</summary>
    /// <exception cref="FormatException">A value of the wrong type for the operator.</exception>
    public static ConditionClause Compile(ParsedOperator op, string key, IReadOnlyList<string> values, bool variables)
    {
        var info = op.Base;
        if (info.Family == OperatorFamily.Null)
        {
            var expectations = values
                .Select(v => BoolValueMatcher.TryParse(v, out var b) ? b : throw new FormatException($"Null takes true or false, not '{v}'"))
                .ToArray();
            return new ConditionClause(op, key, null, expectations);
        }

        ValueMatcher matcher = info.Family switch
        {
            OperatorFamily.String => new StringValueMatcher(values, info.Comparison, variables),
            OperatorFamily.Arn => new ArnValueMatcher(values, variables),
            OperatorFamily.Numeric => new NumericValueMatcher(values, info.Comparison),
            OperatorFamily.Date => new DateValueMatcher(values, info.Comparison),
            OperatorFamily.Bool => new BoolValueMatcher(values),
            OperatorFamily.Binary => new BinaryValueMatcher(values),
            OperatorFamily.IpAddress => new IpAddressValueMatcher(values),
            _ => throw new InvalidOperationException($"no matcher for {info.Family}"),
        };
        return new ConditionClause(op, key, matcher, []);
    }

    /// <summary>True when the condition holds for <paramref name="context"/>.</summary>
    public bool Holds(RequestContext context)
    {
        var present = context.TryGetValues(Key, out var values) && values.Length > 0;
        if (_matcher is null)
        {
            foreach (var expectAbsent in _nullExpectations)
            {
                if (expectAbsent != present)
                {
                    return true;
                }
            }

            return false;
        }

        if (!present)
        {
            if (Operator.IfExists)
            {
                return true;
            }

            return Operator.Qualifier switch
            {
                SetQualifier.ForAllValues => true,
                SetQualifier.ForAnyValue => false,
                _ => Operator.Base.Negated,
            };
        }

        var negated = Operator.Base.Negated;
        if (Operator.Qualifier == SetQualifier.ForAllValues)
        {
            foreach (var value in values)
            {
                if (_matcher.MatchesAny(value, context) == negated)
                {
                    return false;
                }
            }

            return true;
        }

        foreach (var value in values)
        {
            if (_matcher.MatchesAny(value, context) != negated)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Explains why the condition does not hold.</summary>
    public string DescribeMiss(RequestContext context)
    {
        var present = context.TryGetValues(Key, out var values) && values.Length > 0;
        var shown = present ? string.Join(", ", values.Select(v => $"'{v}'")) : "absent";
        return $"Condition {Operator.Written} {Key} did not match (request value: {shown})";
    }
}
