namespace DirectAccess.Local.Model;

/// <summary>The template holds something the local cloud cannot honour; start-up refuses.</summary>
/// <param name="resource">Logical id of the resource (or section, e.g. <c>Outputs</c>) at fault.</param>
/// <param name="property">The property at fault.</param>
/// <param name="message">What cannot be honoured and why.</param>
public sealed class TemplateException(string resource, string property, string message)
    : Exception($"template.yaml: {resource}.{property}: {message}")
{
    /// <summary>Logical id of the resource (or section) at fault.</summary>
    public string Resource { get; } = resource;

    /// <summary>The property at fault.</summary>
    public string Property { get; } = property;
}
