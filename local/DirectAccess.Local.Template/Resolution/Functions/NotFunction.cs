using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resolution.Functions;

/// <summary><c>Fn::Not [condition]</c>.</summary>
internal sealed class NotFunction : IIntrinsicFunction
{
    public string Name => "Fn::Not";

    public TemplateNode Invoke(TemplateNode argument, IntrinsicResolver resolver, PropertyPath at) =>
        EqualsFunction.Bool(!resolver.ResolveCondition(IntrinsicResolver.Arguments(argument, 1, Name, at)[0], at));
}
