namespace DirectAccess.Local.Auth.Tests.Support;

/// <summary>The repository root (the folder holding DirectAccess.sln), found from the test binaries.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string Policies => System.IO.Path.Combine(Path, "policies");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "DirectAccess.sln")))
            {
                return dir.FullName;
            }
        }

        // Built with --artifacts-path outside the repo: fall back to the source location of this project.
        var fromSource = System.IO.Path.GetFullPath(System.IO.Path.Combine(ThisFileDirectory(), "..", "..", ".."));
        return File.Exists(System.IO.Path.Combine(fromSource, "DirectAccess.sln"))
            ? fromSource
            : throw new InvalidOperationException("DirectAccess.sln not found");
    }

    private static string ThisFileDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        System.IO.Path.GetDirectoryName(path)!;
}
