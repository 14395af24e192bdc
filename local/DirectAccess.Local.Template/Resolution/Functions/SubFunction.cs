using System.Text;
using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resolution.Functions;

/// <summary>
/// <c>Fn::Sub</c>, both forms: <c>"text ${Name} ${Res.Attr}"</c> and <c>[text, {Var: value}]</c>. <c>${!Literal}</c>
/// yields <c>${Literal}</c> untouched (how IAM policy variables survive <c>!Sub</c>).
/// </summary>
internal sealed class SubFunction : IIntrinsicFunction
{
    public string Name => "Fn::Sub";

    public TemplateNode Invoke(TemplateNode argument, IntrinsicResolver resolver, PropertyPath at)
    {
        string text;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (argument is SequenceNode)
        {
            var args = IntrinsicResolver.Arguments(argument, 2, Name, at);
            text = resolver.ResolveString(args[0], at);
            if (args[1] is not MappingNode map)
            {
                throw at.Error("Fn::Sub's second argument must be a mapping of variables.");
            }

            foreach (var (key, value) in map.Entries)
            {
                variables[key] = resolver.ResolveString(value, at);
            }
        }
        else
        {
            text = resolver.ResolveString(argument, at);
        }

        return ScalarNode.Text(Substitute(text, variables, resolver, at));
    }

    private static string Substitute(string text, Dictionary<string, string> variables, IntrinsicResolver resolver, PropertyPath at)
    {
        var result = new StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("${", position, StringComparison.Ordinal);
            if (open < 0)
            {
                result.Append(text, position, text.Length - position);
                break;
            }

            var close = text.IndexOf('}', open + 2);
            if (close < 0)
            {
                throw at.Error($"Fn::Sub: unterminated '${{' in '{text}'.");
            }

            result.Append(text, position, open - position);
            var name = text[(open + 2)..close];
            result.Append(name.StartsWith('!') ? "${" + name[1..] + "}" : Value(name.Trim(), variables, resolver, at));
            position = close + 1;
        }

        return result.ToString();
    }

    private static string Value(string name, Dictionary<string, string> variables, IntrinsicResolver resolver, PropertyPath at)
    {
        if (variables.TryGetValue(name, out var variable))
        {
            return variable;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && !name.StartsWith("AWS::", StringComparison.Ordinal))
        {
            return resolver.Scope.References.GetAtt(name[..dot], name[(dot + 1)..], at);
        }

        return RefFunction.Lookup(name, resolver.Scope, at) is ScalarNode scalar
            ? scalar.Value
            : throw at.Error($"Fn::Sub: '${{{name}}}' does not stand for a string.");
    }
}
