using System.CommandLine;

namespace DirectAccess.Cli;

/// <summary>Builds the root command from the command groups. Exit codes: 0 ok, 1 operation failed/denied, 2 bad input.</summary>
public static class CliApp
{
    /// <summary>The root command with every group attached.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("DirectAccess: Cognito sign-in, direct S3 and Lambda with IAM, and a local cloud.");
        foreach (var group in Commands.CommandGroups.All())
        {
            root.Subcommands.Add(group);
        }

        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var parse = BuildRoot().Parse(args);
        return await parse.InvokeAsync();
    }
}
