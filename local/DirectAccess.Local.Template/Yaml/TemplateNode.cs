namespace DirectAccess.Local.Template.Yaml;

/// <summary>
/// One node of a CloudFormation template after YAML parsing. Short-form tags (<c>!Ref</c>, <c>!Sub</c>, ...) are
/// already rewritten to their long forms (<c>{"Ref": ...}</c>, <c>{"Fn::Sub": ...}</c>), so resolution sees one shape.
/// </summary>
internal abstract class TemplateNode;

/// <summary>A scalar. <see cref="IsPlain"/> is true for unquoted YAML scalars (so <c>true</c>/<c>60</c> become JSON literals).</summary>
internal sealed class ScalarNode(string value, bool isPlain) : TemplateNode
{
    public string Value { get; } = value;

    public bool IsPlain { get; } = isPlain;

    /// <summary>A quoted (string-typed) scalar, as intrinsic functions produce.</summary>
    public static ScalarNode Text(string value) => new(value, isPlain: false);

    public override string ToString() => Value;
}

/// <summary>A YAML sequence.</summary>
internal sealed class SequenceNode(IReadOnlyList<TemplateNode> items) : TemplateNode
{
    public IReadOnlyList<TemplateNode> Items { get; } = items;
}

/// <summary>A YAML mapping with its keys in document order.</summary>
internal sealed class MappingNode(IReadOnlyList<KeyValuePair<string, TemplateNode>> entries) : TemplateNode
{
    public IReadOnlyList<KeyValuePair<string, TemplateNode>> Entries { get; } = entries;

    /// <summary>The value under <paramref name="key"/> (case-sensitive, as CloudFormation), or null.</summary>
    public TemplateNode? Get(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>When this mapping is a single-key intrinsic call (<c>Ref</c> or <c>Fn::*</c>), its name and argument.</summary>
    public bool TryGetIntrinsic(out string name, out TemplateNode argument)
    {
        if (Entries.Count == 1 && (Entries[0].Key == "Ref" || Entries[0].Key.StartsWith("Fn::", StringComparison.Ordinal)))
        {
            (name, argument) = (Entries[0].Key, Entries[0].Value);
            return true;
        }

        (name, argument) = ("", this);
        return false;
    }
}

/// <summary><c>AWS::NoValue</c>: the enclosing property or list item is removed.</summary>
internal sealed class NoValueNode : TemplateNode
{
    public static readonly NoValueNode Instance = new();

    private NoValueNode()
    {
    }
}
