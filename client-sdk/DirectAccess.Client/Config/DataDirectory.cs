namespace DirectAccess.Client.Config;

/// <summary>
/// The user's DirectAccess data directory (identity-id cache, upload journals): <c>DIRECTACCESS_HOME</c> when set,
/// else <c>~/.directaccess</c>. Created on first use with owner-only permissions on Unix.
/// </summary>
public static class DataDirectory
{
    /// <summary>The directory path (not created).</summary>
    public static string Default =>
        Environment.GetEnvironmentVariable("DIRECTACCESS_HOME") is { Length: > 0 } home
            ? home
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".directaccess");

    /// <summary>Creates <paramref name="path"/> if needed (0700 on Unix: it holds upload ids and identity ids) and returns it.</summary>
    public static string Ensure(string path)
    {
        if (!Directory.Exists(path))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(path);
            }
            else
            {
                Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        return path;
    }
}
