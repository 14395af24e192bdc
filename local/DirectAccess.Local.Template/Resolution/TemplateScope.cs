using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resolution;

/// <summary>Everything a name in the template can refer to.</summary>
/// <param name="PseudoParameters"><c>AWS::Region</c>, <c>AWS::AccountId</c>, ... with their local values.</param>
/// <param name="Parameters">Template parameters with their values (the local cloud uses each <c>Default</c>).</param>
/// <param name="Mappings">The <c>Mappings</c> section (empty mapping when absent).</param>
/// <param name="Conditions">The <c>Conditions</c> section, evaluated lazily.</param>
/// <param name="References">What <c>Ref</c> and <c>Fn::GetAtt</c> return for each resource.</param>
internal sealed record TemplateScope(
    IReadOnlyDictionary<string, string> PseudoParameters,
    IReadOnlyDictionary<string, string> Parameters,
    MappingNode Mappings,
    ConditionTable Conditions,
    ReferenceTable References);
