using DirectAccess.Local.Template.Resolution.Functions;
using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resolution;

/// <summary>
/// Resolves template values to plain data (scalars, lists, mappings) by evaluating every intrinsic function. Unknown
/// functions are refused (the local cloud never guesses what a template means).
/// </summary>
internal sealed class IntrinsicResolver
{
    private static readonly IReadOnlyDictionary<string, IIntrinsicFunction> Functions = new IIntrinsicFunction[]
    {
        new RefFunction(), new GetAttFunction(), new SubFunction(), new JoinFunction(), new SelectFunction(),
        new SplitFunction(), new FindInMapFunction(), new IfFunction(), new EqualsFunction(), new NotFunction(),
        new AndFunction(), new OrFunction(),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public IntrinsicResolver(TemplateScope scope)
    {
        Scope = scope;
    }

    /// <summary>Parameters, pseudo parameters, mappings, conditions and resource references.</summary>
    public TemplateScope Scope { get; }

    /// <summary>Resolves <paramref name="node"/> fully; may return <see cref="NoValueNode"/>.</summary>
    public TemplateNode Resolve(TemplateNode node, PropertyPath at)
    {
        switch (node)
        {
            case MappingNode mapping when mapping.TryGetIntrinsic(out var name, out var argument):
                if (!Functions.TryGetValue(name, out var function))
                {
                    throw at.Error($"Unknown or unsupported intrinsic function '{name}'.");
                }

                return function.Invoke(argument, this, at);
            case MappingNode mapping:
                var entries = new List<KeyValuePair<string, TemplateNode>>(mapping.Entries.Count);
                foreach (var (key, value) in mapping.Entries)
                {
                    var resolved = Resolve(value, at.Child(key));
                    if (resolved is not NoValueNode)
                    {
                        entries.Add(new(key, resolved));
                    }
                }

                return new MappingNode(entries);
            case SequenceNode sequence:
                var items = new List<TemplateNode>(sequence.Items.Count);
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    var resolved = Resolve(sequence.Items[i], at.Item(i));
                    if (resolved is not NoValueNode)
                    {
                        items.Add(resolved);
                    }
                }

                return new SequenceNode(items);
            default:
                return node;
        }
    }

    /// <summary>Resolves to a string; lists and mappings are refused.</summary>
    public string ResolveString(TemplateNode node, PropertyPath at) =>
        Resolve(node, at) is ScalarNode scalar ? scalar.Value : throw at.Error("Expected a string value.");

    /// <summary>Resolves to a list.</summary>
    public IReadOnlyList<TemplateNode> ResolveList(TemplateNode node, PropertyPath at) =>
        Resolve(node, at) is SequenceNode sequence ? sequence.Items : throw at.Error("Expected a list.");

    /// <summary>
    /// Evaluates a condition expression: <c>{"Condition": name}</c> or a condition function resolving to
    /// <c>true</c>/<c>false</c>.
    /// </summary>
    public bool ResolveCondition(TemplateNode node, PropertyPath at)
    {
        if (node is MappingNode { Entries.Count: 1 } mapping && mapping.Entries[0].Key == "Condition")
        {
            return Scope.Conditions.IsTrue(ResolveString(mapping.Entries[0].Value, at), at);
        }

        return ResolveString(node, at) switch
        {
            "true" => true,
            "false" => false,
            var other => throw at.Error($"A condition must evaluate to true or false, not '{other}'."),
        };
    }

    /// <summary>Checks an intrinsic's argument list has exactly <paramref name="count"/> items.</summary>
    public static IReadOnlyList<TemplateNode> Arguments(TemplateNode argument, int count, string function, PropertyPath at) =>
        argument is SequenceNode sequence && sequence.Items.Count == count
            ? sequence.Items
            : throw at.Error($"{function} takes a list of {count} arguments.");
}
