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
