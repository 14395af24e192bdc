using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resolution.Functions;

/// <summary><c>Fn::Split [delimiter, text]</c>.</summary>
internal sealed class SplitFunction : IIntrinsicFunction
{
    public string Name => "Fn::Split";

    public TemplateNode Invoke(TemplateNode argument, IntrinsicResolver resolver, PropertyPath at)
    {
        var args = IntrinsicResolver.Arguments(argument, 2, Name, at);
        var delimiter = resolver.ResolveString(args[0], at);
        if (delimiter.Length == 0)
        {
            throw at.Error("Fn::Split needs a non-empty delimiter.");
        }

        var text = resolver.ResolveString(args[1], at);
        return new SequenceNode(text.Split(delimiter).Select(p => (TemplateNode)ScalarNode.Text(p)).ToArray());
    }
}
