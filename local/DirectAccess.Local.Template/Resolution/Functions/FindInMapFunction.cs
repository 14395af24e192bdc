using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resolution.Functions;

/// <summary><c>Fn::FindInMap [MapName, TopLevelKey, SecondLevelKey]</c> over the <c>Mappings</c> section.</summary>
internal sealed class FindInMapFunction : IIntrinsicFunction
{
    public string Name => "Fn::FindInMap";

    public TemplateNode Invoke(TemplateNode argument, IntrinsicResolver resolver, PropertyPath at)
    {
        var args = IntrinsicResolver.Arguments(argument, 3, Name, at);
        var keys = args.Select(a => resolver.ResolveString(a, at)).ToArray();
        var top = resolver.Scope.Mappings.Get(keys[0]) as MappingNode
            ?? throw at.Error($"Fn::FindInMap: no mapping '{keys[0]}'.");
        var second = top.Get(keys[1]) as MappingNode
            ?? throw at.Error($"Fn::FindInMap: mapping '{keys[0]}' has no key '{keys[1]}'.");
        var value = second.Get(keys[2]) ?? throw at.Error($"Fn::FindInMap: '{keys[0]}.{keys[1]}' has no key '{keys[2]}'.");
        return resolver.Resolve(value, at);
    }
}
