using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resolution.Functions;

/// <summary><c>Ref</c>: a parameter's value, a pseudo parameter, or a resource's reference value (CloudFormation "Ref").</summary>
internal sealed class RefFunction : IIntrinsicFunction
{
    public string Name => "Ref";

    public TemplateNode Invoke(TemplateNode argument, IntrinsicResolver resolver, PropertyPath at)
    {
        var name = resolver.ResolveString(argument, at);
        return Lookup(name, resolver.Scope, at);
    }

    /// <summary>The value <c>Ref name</c> stands for (shared with <c>Fn::Sub</c>).</summary>
    public static TemplateNode Lookup(string name, TemplateScope scope, PropertyPath at)
    {
        if (name == "AWS::NoValue")
        {
            return NoValueNode.Instance;
        }

        if (scope.PseudoParameters.TryGetValue(name, out var pseudo))
        {
            return ScalarNode.Text(pseudo);
        }

        if (name.StartsWith("AWS::", StringComparison.Ordinal))
        {
            throw at.Error($"Pseudo parameter '{name}' is not supported locally.");
        }

        if (scope.Parameters.TryGetValue(name, out var parameter))
        {
            return ScalarNode.Text(parameter);
        }

        return ScalarNode.Text(scope.References.Ref(name, at));
    }
}
