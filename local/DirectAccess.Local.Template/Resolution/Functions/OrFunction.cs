using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resolution.Functions;

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
