namespace DirectAccess.Policies.Tests;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Policies => Path.Combine(Root, "policies");

    public static string AccessMatrix => Path.Combine(Policies, "access-matrix.json");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DirectAccess.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("DirectAccess.sln not found above the test folder");
    }
}
