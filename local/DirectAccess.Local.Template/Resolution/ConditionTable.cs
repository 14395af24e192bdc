using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resolution;

/// <summary>
/// The template's <c>Conditions</c>, each evaluated once on first use (a condition may name another; cycles are
/// refused).
/// </summary>
internal sealed class ConditionTable(MappingNode conditions)
{
    private readonly Dictionary<string, bool> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _evaluating = new(StringComparer.Ordinal);

    /// <summary>Set once the resolver exists (the two refer to each other).</summary>
    public IntrinsicResolver? Resolver { get; set; }

    /// <summary>The value of condition <paramref name="name"/>.</summary>
    /// <exception cref="Model.TemplateException">Unknown condition, a cycle, or a non-boolean expression.</exception>
    public bool IsTrue(string name, PropertyPath at)
    {
        if (_values.TryGetValue(name, out var known))
        {
            return known;
        }

        var expression = conditions.Get(name) ?? throw at.Error($"Unknown condition '{name}'.");
        var here = new PropertyPath("Conditions", name);
        if (!_evaluating.Add(name))
        {
            throw here.Error("Conditions refer to each other in a cycle.");
        }

        var value = (Resolver ?? throw new InvalidOperationException("Resolver not set.")).ResolveCondition(expression, here);
        _evaluating.Remove(name);
        _values[name] = value;
        return value;
    }
}
