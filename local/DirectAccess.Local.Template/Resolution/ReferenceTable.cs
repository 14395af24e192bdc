using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resolution;

/// <summary>
/// What <c>Ref</c> and <c>Fn::GetAtt</c> return for each resource (values from <see cref="ResourceAttributes"/>).
/// Physical names that come from a resource's own properties (<c>RoleName</c>, <c>FunctionName</c>, ...) are resolved
/// on demand; a resource whose name refers back to itself is refused as a cycle.
/// </summary>
internal sealed class ReferenceTable(IReadOnlyDictionary<string, ResourceDefinition> resources, ResourceAttributes attributes)
{
    private readonly HashSet<string> _resolvingNames = new(StringComparer.Ordinal);

    /// <summary>Set once the resolver exists (the two refer to each other).</summary>
    public IntrinsicResolver? Resolver { get; set; }

    /// <summary><c>Ref logicalId</c>.</summary>
    public string Ref(string logicalId, PropertyPath at) => attributes.Ref(Find(logicalId, at), this);

    /// <summary><c>Fn::GetAtt logicalId.attribute</c>.</summary>
    public string GetAtt(string logicalId, string attribute, PropertyPath at) =>
        attributes.GetAtt(Find(logicalId, at), attribute, this)
        ?? throw at.Error($"Fn::GetAtt: {Find(logicalId, at).Type} '{logicalId}' has no attribute '{attribute}' locally.");

    /// <summary>The resolved string value of property <paramref name="property"/> of a resource, or null when absent.</summary>
    public string? NameProperty(ResourceDefinition resource, string property)
    {
        var node = resource.Properties.Get(property);
        if (node is null)
        {
            return null;
        }

        var at = new PropertyPath(resource.LogicalId, property);
        if (!_resolvingNames.Add(resource.LogicalId + "." + property))
        {
            throw at.Error("The value refers back to its own resource.");
        }

        try
        {
            var resolved = (Resolver ?? throw new InvalidOperationException("Resolver not set.")).Resolve(node, at);
            return resolved switch
            {
                NoValueNode => null,
                ScalarNode scalar => scalar.Value,
                _ => throw at.Error("Expected a string value."),
            };
        }
        finally
        {
            _resolvingNames.Remove(resource.LogicalId + "." + property);
        }
    }

    private ResourceDefinition Find(string logicalId, PropertyPath at)
    {
        if (!resources.TryGetValue(logicalId, out var resource))
        {
            throw at.Error($"Unknown resource, parameter or pseudo parameter '{logicalId}'.");
        }

        return resource.Included
            ? resource
            : throw at.Error($"Resource '{logicalId}' is not created (its Condition is false) but is referred to.");
    }
}
