using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resolution.Functions;

/// <summary><c>Fn::And [conditions...]</c> (2 to 10 conditions).</summary>
internal sealed class AndFunction : IIntrinsicFunction
{
    public string Name => "Fn::And";

    public TemplateNode Invoke(TemplateNode argument, IntrinsicResolver resolver, PropertyPath at) =>
        EqualsFunction.Bool(OrFunction.Conditions(argument, Name, at).All(c => resolver.ResolveCondition(c, at)));
}
