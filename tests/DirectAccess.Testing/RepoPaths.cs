namespace DirectAccess.Testing;

/// <summary>Paths inside the repository, found by walking up from the test binaries to <c>DirectAccess.sln</c>.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DirectAccess.sln")))
            {
                return dir.FullName;
            }
        }

        return FromBuildMetadata();
    });

    public static string Root => RootPath.Value;

    public static string Template => Path.Combine(Root, "template.yaml");

    public static string Policies => Path.Combine(Root, "policies");

    public static string AccessMatrix => Path.Combine(Root, "policies", "access-matrix.json");

    // Built into an artifacts path outside the repository: use the root stamped in at build time.
    private static string FromBuildMetadata() =>
        typeof(RepoPaths).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "DirectAccessRepoRoot")?.Value?.TrimEnd('/')
        ?? throw new InvalidOperationException("DirectAccess.sln not found above " + AppContext.BaseDirectory);
}
