using DirectAccess.Local.Model;
using DirectAccess.Local.Template.Resolution;
using DirectAccess.Local.Template.Yaml;

namespace DirectAccess.Local.Template.Resources;

/// <summary>
/// <c>AWS::Serverless::Function</c> (SAM specification): the essentials of the transform done here —
/// <c>FunctionName</c>, <c>Role</c> (required: SAM-generated roles are not emulated), <c>Environment.Variables</c>,
/// <c>Timeout</c> (seconds, 1–900, default 3), <c>MemorySize</c> (MB, 128–10240, default 128), <c>CodeUri</c>
/// (local path), <c>Handler</c>, <c>Runtime</c>. <c>Globals.Function</c> is merged before this runs.
/// </summary>
internal static class ServerlessFunctionReader
{
    public static FunctionModel Read(ResourceDefinition resource, PropertyReader properties, ModelContext context)
    {
        var name = context.Attributes.FunctionName(resource, context.References);
        var role = properties.String("Role")
            ?? throw properties.Path.Child("Role").Error("A Role is required locally (SAM-generated roles are not emulated).");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        var environmentNode = properties.Object("Environment");
        if (environmentNode is not null)
        {
            var variables = environmentNode.Object("Variables");
            foreach (var (key, value) in variables?.Entries ?? [])
            {
                environment[key] = value is ScalarNode scalar
                    ? scalar.Value
                    : throw variables!.Path.Child(key).Error("Environment variable values must be strings.");
            }

            variables?.Ignore(environment.Keys.ToArray());
            variables?.EnsureAllUnderstood();
            environmentNode.EnsureAllUnderstood();
        }

        var codeUri = properties.Node("CodeUri") is ScalarNode code
            ? code.Value
            : throw properties.Path.Child("CodeUri").Error("A local CodeUri path is required.");
        var model = new FunctionModel(resource.LogicalId, name, context.Attributes.FunctionArn(name), role,
            TimeSpan.FromSeconds(properties.Int("Timeout", 1, 900) ?? 3),
            properties.Int("MemorySize", 128, 10240) ?? 128,
            environment,
            codeUri,
            properties.RequiredString("Handler"),
            properties.RequiredString("Runtime"));

        var packageType = properties.String("PackageType") ?? "Zip";
        if (packageType != "Zip")
        {
            throw properties.Path.Child("PackageType").Error("Only Zip functions are implemented locally.");
        }

        foreach (var refused in new[] { "Events", "Policies", "AutoPublishAlias", "Layers", "VpcConfig", "DeadLetterQueue",
                     "InlineCode", "ImageUri", "FunctionUrlConfig", "ProvisionedConcurrencyConfig", "EventInvokeConfig" })
        {
            properties.Refuse(refused, $"{refused} is not implemented locally.");
        }

        properties.Ignore("FunctionName", "Description", "Architectures", "Tags", "Tracing", "LoggingConfig",
            "ReservedConcurrentExecutions", "EphemeralStorage", "RuntimeManagementConfig");
        properties.EnsureAllUnderstood();
        return model;
    }
}
