using DirectAccess.Local.Model;
using DirectAccess.Local.Template.Resolution;
using DirectAccess.Local.Template.Resources;
using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template;

/// <summary>
/// Reads <c>template.yaml</c> (CloudFormation YAML with the SAM transform) into a <see cref="StackModel"/> of
/// deterministic local ids and ARNs. Intrinsics supported (AWS CloudFormation "Intrinsic function reference"):
/// <c>Ref</c>, <c>Fn::GetAtt</c>, <c>Fn::Sub</c> (both forms), <c>Fn::Join</c>, <c>Fn::Select</c>, <c>Fn::Split</c>,
/// <c>Fn::FindInMap</c>, <c>Fn::If</c>, <c>Fn::Equals</c>, <c>Fn::Not</c>, <c>Fn::And</c>, <c>Fn::Or</c>, in short
/// (<c>!Ref</c>) and long form; <c>Conditions</c>; pseudo parameters <c>AWS::Region</c>, <c>AWS::AccountId</c>,
/// <c>AWS::Partition</c> (<c>aws</c>), <c>AWS::StackName</c>, <c>AWS::StackId</c>, <c>AWS::URLSuffix</c>
/// (<c>amazonaws.com</c>) and <c>AWS::NoValue</c>. Parameters take their <c>Default</c>.
/// </summary>
public static class TemplateLoader
{
    /// <summary>Loads and resolves the template into deterministic local ids and ARNs.</summary>
    /// <param name="templatePath">Path of the SAM template.</param>
    /// <param name="options">Region, account id and stack name come from here.</param>
    /// <exception cref="TemplateException">Names the resource and property the local cloud cannot honour: an unknown
    /// resource type, intrinsic, property, section or transform, an unparseable policy, a dangling reference.</exception>
    /// <exception cref="IOException">When the template cannot be read.</exception>
    public static StackModel Load(string templatePath, LocalCloudOptions options) =>
        Parse(File.ReadAllText(templatePath), options);

    /// <summary>As <see cref="Load"/>, from YAML text.</summary>
    /// <exception cref="TemplateException">As <see cref="Load"/>.</exception>
    public static StackModel Parse(string yaml, LocalCloudOptions options)
    {
        var sections = new TemplateSections(TemplateYamlReader.Parse(yaml));
        var ids = new LocalIds(options.Region, options.AccountId, options.StackName);
        var attributes = new ResourceAttributes(ids, options.Region, options.AccountId);
        var resources = new Dictionary<string, ResourceDefinition>(StringComparer.Ordinal);
        var conditions = new ConditionTable(sections.Conditions);
        var references = new ReferenceTable(resources, attributes);
        var scope = new TemplateScope(PseudoParameters(options, ids), sections.ParameterValues(), sections.Mappings, conditions, references);
        var resolver = new IntrinsicResolver(scope);
        conditions.Resolver = resolver;
        references.Resolver = resolver;

        var definitions = ResourceDefinitions.Read(sections.Resources, SamGlobals.FunctionGlobals(sections.Globals));
        foreach (var (logicalId, (type, properties, condition)) in definitions)
        {
            var included = condition is null || conditions.IsTrue(condition, new PropertyPath(logicalId, "Condition"));
            resources[logicalId] = new ResourceDefinition(logicalId, type, properties, included);
        }

        var assembler = new StackAssembler(new ModelContext(ids, attributes, references, options.Region, options.AccountId));
        foreach (var resource in resources.Values.Where(r => r.Included))
        {
            var at = new PropertyPath(resource.LogicalId, "");
            var resolved = resolver.Resolve(resource.Properties, at) as MappingNode ?? throw at.Child("Properties").Error("Properties must resolve to a mapping.");
            assembler.Add(resource, resolved);
        }

        return assembler.Build(OutputsReader.Read(sections.Outputs, resolver));
    }

    private static Dictionary<string, string> PseudoParameters(LocalCloudOptions options, LocalIds ids) => new(StringComparer.Ordinal)
    {
        ["AWS::Region"] = options.Region,
        ["AWS::AccountId"] = options.AccountId,
        ["AWS::Partition"] = "aws",
        ["AWS::StackName"] = options.StackName,
        ["AWS::StackId"] = $"arn:aws:cloudformation:{options.Region}:{options.AccountId}:stack/{options.StackName}/{ids.Uuid("", "stack")}",
        ["AWS::URLSuffix"] = "amazonaws.com",
    };
}
