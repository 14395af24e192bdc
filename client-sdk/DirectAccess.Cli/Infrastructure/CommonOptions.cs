using System.CommandLine;

namespace DirectAccess.Cli.Infrastructure;

/// <summary>Options several commands share. Each command gets its own instances (an option belongs to one command).</summary>
public sealed class CommonOptions
{
    /// <summary><c>--config PATH</c>: the stack's <c>directaccess.json</c> (else <c>$DIRECTACCESS_CONFIG</c>, else <c>./directaccess.json</c>, else the environment).</summary>
    public Option<string?> Config { get; } = new("--config") { Description = "The stack's directaccess.json (default: $DIRECTACCESS_CONFIG, ./directaccess.json, then AWS_* / DIRECTACCESS_* environment)." };

    /// <summary><c>--json</c>: one JSON document on stdout instead of tables and progress bars.</summary>
    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON document for scripts instead of tables and progress bars." };

    /// <summary>Adds both options to <paramref name="command"/> and returns it.</summary>
    public static (Command Command, CommonOptions Options) On(Command command)
    {
        var options = new CommonOptions();
        command.Options.Add(options.Config);
        command.Options.Add(options.Json);
        return (command, options);
    }
}
