using System.CommandLine;

namespace DirectAccess.Cli.Commands;

/// <summary>The list of top-level commands. Each group is built in its own file.</summary>
public static class CommandGroups
{
    /// <summary>Every top-level command, in help order.</summary>
    public static IEnumerable<Command> All()
    {
        yield return Demo.DemoCommand.Build();
        foreach (var command in AuthCommands.Build())
        {
            yield return command;
        }

        foreach (var command in FileCommands.Build())
        {
            yield return command;
        }

        yield return InvokeCommand.Build();
        yield return PolicyCommand.Build();
        yield return LocalCommand.Build();
    }
}
