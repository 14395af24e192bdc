using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resolution;

/// <summary>A resource as written in the template (properties not yet resolved).</summary>
/// <param name="LogicalId">The resource's key under <c>Resources</c>.</param>
/// <param name="Type">Its <c>Type</c>, e.g. <c>AWS::IAM::Role</c>.</param>
/// <param name="Properties">Its <c>Properties</c> (empty mapping when absent), SAM <c>Globals</c> already merged.</param>
/// <param name="Included">False when its <c>Condition</c> is false: it does not exist, and referring to it is an error.</param>
internal sealed record ResourceDefinition(string LogicalId, string Type, MappingNode Properties, bool Included);
