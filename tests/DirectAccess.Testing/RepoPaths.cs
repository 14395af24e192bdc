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

        throw new InvalidOperationException("DirectAccess.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    public static string Template => Path.Combine(Root, "template.yaml");

    public static string Policies => Path.Combine(Root, "policies");

    public static string AccessMatrix => Path.Combine(Root, "policies", "access-matrix.json");
}
