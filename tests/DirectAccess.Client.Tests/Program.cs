namespace DirectAccess.Client.Tests;

/// <summary>
/// Entry point when the test assembly is run as a program (<c>dotnet DirectAccess.Client.Tests.dll child-upload ...</c>):
/// the child process of the killed-and-resumed upload test. The test runner never calls it.
/// </summary>
public static class Program
{
    public static Task<int> Main(string[] args) => Support.UploadChildProcess.RunAsync(args);
}
