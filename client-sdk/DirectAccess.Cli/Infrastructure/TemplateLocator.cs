using System.Reflection;

namespace DirectAccess.Cli.Infrastructure;

/// <summary>
/// Finds <c>template.yaml</c>: the given path, the working directory or one above it (next to a <c>policies/</c>
/// folder), the copy bundled with the tool (<c>stack/</c>), or the repository this tool was built from.
/// </summary>
public static class TemplateLocator
{
    /// <summary>The template path to use.</summary>
    /// <exception cref="FileNotFoundException">When none is found.</exception>
    public static string Find(string? given)
    {
        if (given is not null)
        {
            return File.Exists(given) ? Path.GetFullPath(given) : throw new FileNotFoundException($"template not found: {given}");
        }

        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "template.yaml");
            if (File.Exists(candidate) && Directory.Exists(Path.Combine(dir.FullName, "policies")))
            {
                return candidate;
            }
        }

        var bundled = Path.Combine(AppContext.BaseDirectory, "stack", "template.yaml");
        if (File.Exists(bundled))
        {
            return bundled;
        }

        var built = typeof(TemplateLocator).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "DirectAccessRepoRoot")?.Value;
        var fallback = built is null ? null : Path.Combine(built, "template.yaml");
        return fallback is not null && File.Exists(fallback)
            ? fallback
            : throw new FileNotFoundException("template.yaml not found here or above; pass --template PATH");
    }
}
