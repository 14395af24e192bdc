namespace DirectAccess.Testing;

/// <summary>Finds outside tools (moto_server, aws, cfn-lint) on PATH; tests that need a missing one are ignored with a message.</summary>
public static class OutsideTools
{
    /// <summary>Full path of <paramref name="name"/> on PATH, or null.</summary>
    public static string? Find(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The tool's path, or <c>Assert.Ignore</c> saying it is not installed.</summary>
    public static string Require(string name) =>
        Find(name) ?? throw new NUnit.Framework.IgnoreException($"{name} is not installed; this check needs it.");
}
