using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resolution.Functions;

/// <summary><c>Fn::Join [delimiter, [values...]]</c>.</summary>
internal sealed class JoinFunction : IIntrinsicFunction
{
    public string Name => "Fn::Join";

    public TemplateNode Invoke(TemplateNode argument, IntrinsicResolver resolver, PropertyPath at)
    {
        var args = IntrinsicResolver.Arguments(argument, 2, Name, at);
        var delimiter = resolver.ResolveString(args[0], at);
        var values = resolver.ResolveList(args[1], at)
            .Select(v => v is ScalarNode s ? s.Value : throw at.Error("Fn::Join values must be strings."));
        return ScalarNode.Text(string.Join(delimiter, values));
    }
}
