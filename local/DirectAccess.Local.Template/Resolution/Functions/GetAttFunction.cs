using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resolution.Functions;

/// <summary><c>Fn::GetAtt</c>: <c>Resource.Attribute</c> (short form) or <c>[Resource, Attribute]</c>.</summary>
internal sealed class GetAttFunction : IIntrinsicFunction
{
    public string Name => "Fn::GetAtt";

    public TemplateNode Invoke(TemplateNode argument, IntrinsicResolver resolver, PropertyPath at)
    {
        string resource, attribute;
        if (argument is ScalarNode dotted)
        {
            var dot = dotted.Value.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || dot == dotted.Value.Length - 1)
            {
                throw at.Error($"Fn::GetAtt '{dotted.Value}' must be 'Resource.Attribute'.");
            }

            (resource, attribute) = (dotted.Value[..dot], dotted.Value[(dot + 1)..]);
        }
        else
        {
            var args = IntrinsicResolver.Arguments(argument, 2, Name, at);
            (resource, attribute) = (resolver.ResolveString(args[0], at), resolver.ResolveString(args[1], at));
        }

        return ScalarNode.Text(resolver.Scope.References.GetAtt(resource, attribute, at));
    }
}
