using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resolution.Functions;

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
