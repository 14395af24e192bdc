// HELPER NOTE: read /work/main/.briefs/GROUND-RULES.md (shared-tree rules). Add only your own yield line here.
using System.CommandLine;

namespace DirectAccess.Cli.Commands;

/// <summary>The list of top-level commands. Each group is built in its own file.</summary>
public static class CommandGroups
{
    /// <summary>Every top-level command, in help order.</summary>
    public static IEnumerable<Command> All()
    {
        yield return PolicyCommand.Build();
        yield break;
    }
}
