namespace DirectAccess.Foundation.Tests;

/// <summary>The repository root, found by walking up to DirectAccess.sln (this project stays free of the local cloud).</summary>
internal static class RepoRoot
{
    public static readonly string Path = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "DirectAccess.sln")))
            {
                return dir.FullName;
            }
        }

        return FromBuildMetadata();
    }

    // Built into an artifacts path outside the repository: use the root stamped in at build time.
    private static string FromBuildMetadata() =>
        typeof(RepoRoot).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "DirectAccessRepoRoot")?.Value?.TrimEnd('/')
        ?? throw new InvalidOperationException("DirectAccess.sln not found above " + AppContext.BaseDirectory);
}
