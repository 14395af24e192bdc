using System.Globalization;
using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resolution.Functions;

/// <summary><c>Fn::Select [index, list]</c> (0-based; an index outside the list is an error, as in CloudFormation).</summary>
internal sealed class SelectFunction : IIntrinsicFunction
{
    public string Name => "Fn::Select";

    public TemplateNode Invoke(TemplateNode argument, IntrinsicResolver resolver, PropertyPath at)
    {
        var args = IntrinsicResolver.Arguments(argument, 2, Name, at);
        var indexText = resolver.ResolveString(args[0], at);
        var list = resolver.ResolveList(args[1], at);
        if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= list.Count)
        {
            throw at.Error($"Fn::Select index '{indexText}' is not within the list of {list.Count}.");
        }

        return list[index];
    }
}
