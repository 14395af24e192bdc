using DirectAccess.Local.Model;

namespace DirectAccess.Local.Template;

/// <summary>Reads <c>template.yaml</c> and the policies it references into a <see cref="StackModel"/>.</summary>
public static class TemplateLoader
{
    /// <summary>Loads and resolves the template into deterministic local ids and ARNs.</summary>
    /// <exception cref="TemplateException">Names the resource and property the local cloud cannot honour.</exception>
    public static StackModel Load(string templatePath, string region, string accountId) =>
        throw new TemplateException("(template)", "(all)", "The template loader is not built yet (issue 5).");
}

/// <summary>The template holds something the local cloud cannot honour; start-up refuses.</summary>
public sealed class TemplateException(string resource, string property, string message)
    : Exception($"template.yaml: {resource}.{property}: {message}")
{
    /// <summary>Logical id of the resource (or section) at fault.</summary>
    public string Resource { get; } = resource;

    /// <summary>The property at fault.</summary>
    public string Property { get; } = property;
}
