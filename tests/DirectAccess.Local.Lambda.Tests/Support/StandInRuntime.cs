using DirectAccess.Testing;

namespace DirectAccess.Local.Lambda.Tests.Support;

/// <summary>The Python stand-in runtime copied next to the tests (needs <c>python3</c>).</summary>
public static class StandInRuntime
{
    /// <summary>Its path; ignores the test when <c>python3</c> is not installed.</summary>
    public static string Require()
    {
        OutsideTools.Require("python3");
        var path = Path.Combine(AppContext.BaseDirectory, "StandInWorker", "stand_in_runtime.py");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }

        return path;
    }
}
