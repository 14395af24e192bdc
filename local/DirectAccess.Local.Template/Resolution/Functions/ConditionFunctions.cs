using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resolution.Functions;

/// <summary><c>Fn::If [condition, valueIfTrue, valueIfFalse]</c>; only the chosen branch is resolved.</summary>
internal sealed class IfFunction : IIntrinsicFunction
{
    public string Name => "Fn::If";

    public TemplateNode Invoke(TemplateNode argument, IntrinsicResolver resolver, PropertyPath at)
    {
        var args = IntrinsicResolver.Arguments(argument, 3, Name, at);
        var condition = resolver.ResolveString(args[0], at);
        return resolver.Resolve(resolver.Scope.Conditions.IsTrue(condition, at) ? args[1] : args[2], at);
    }
}

/// <summary><c>Fn::Equals [a, b]</c>: string comparison of the resolved values.</summary>
internal sealed class EqualsFunction : IIntrinsicFunction
{
    public string Name => "Fn::Equals";

    public TemplateNode Invoke(TemplateNode argument, IntrinsicResolver resolver, PropertyPath at)
    {
        var args = IntrinsicResolver.Arguments(argument, 2, Name, at);
        return Bool(resolver.ResolveString(args[0], at) == resolver.ResolveString(args[1], at));
    }

    /// <summary>The scalar a condition function yields.</summary>
    public static ScalarNode Bool(bool value) => new(value ? "true" : "false", isPlain: true);
}

/// <summary><c>Fn::Not [condition]</c>.</summary>
internal sealed class NotFunction : IIntrinsicFunction
{
    public string Name => "Fn::Not";

    public TemplateNode Invoke(TemplateNode argument, IntrinsicResolver resolver, PropertyPath at) =>
        EqualsFunction.Bool(!resolver.ResolveCondition(IntrinsicResolver.Arguments(argument, 1, Name, at)[0], at));
}

/// <summary><c>Fn::And [conditions...]</c> (2 to 10 conditions).</summary>
internal sealed class AndFunction : IIntrinsicFunction
{
    public string Name => "Fn::And";

    public TemplateNode Invoke(TemplateNode argument, IntrinsicResolver resolver, PropertyPath at) =>
        EqualsFunction.Bool(OrFunction.Conditions(argument, Name, at).All(c => resolver.ResolveCondition(c, at)));
}

/// <summary><c>Fn::Or [conditions...]</c> (2 to 10 conditions).</summary>
internal sealed class OrFunction : IIntrinsicFunction
{
    public string Name => "Fn::Or";

    public TemplateNode Invoke(TemplateNode argument, IntrinsicResolver resolver, PropertyPath at) =>
        EqualsFunction.Bool(Conditions(argument, Name, at).Any(c => resolver.ResolveCondition(c, at)));

    /// <summary>The 2–10 condition arguments of <c>Fn::And</c>/<c>Fn::Or</c>.</summary>
    public static IReadOnlyList<TemplateNode> Conditions(TemplateNode argument, string function, PropertyPath at) =>
        argument is SequenceNode { Items.Count: >= 2 and <= 10 } list
            ? list.Items
            : throw at.Error($"{function} takes a list of 2 to 10 conditions.");
}
