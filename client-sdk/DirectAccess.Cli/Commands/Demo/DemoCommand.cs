using System.CommandLine;
using DirectAccess.Cli.Infrastructure;

namespace DirectAccess.Cli.Commands.Demo;

/// <summary>
/// <c>directaccess demo [--size 1GiB | --file PATH] [--template PATH] [--keep] [--json]</c>: the whole pattern on the
/// embedded local cloud. Exit 0 when every step behaved as expected, 1 otherwise.
/// </summary>
public static class DemoCommand
{
    /// <summary>The command.</summary>
    public static Command Build()
    {
        var command = new Command("demo", "Run the whole direct-access pattern on the embedded local cloud: sign-in, credentials, a large upload, functions, IAM denials.");
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON." };
        var size = new Option<string>("--size") { Description = "Size of the generated file (e.g. 64MiB, 1GiB).", DefaultValueFactory = _ => "1GiB" };
        var file = new Option<FileInfo?>("--file") { Description = "Upload this file instead of generating one." };
        var template = new Option<string?>("--template") { Description = "SAM template (default: ./template.yaml or the repository's)." };
        var keep = new Option<bool>("--keep") { Description = "Keep the temporary data directory (local cloud state, generated file)." };
        command.Options.Add(json);
        command.Options.Add(size);
        command.Options.Add(file);
        command.Options.Add(template);
        command.Options.Add(keep);
        CliAction.Set(command, json, async (parse, output, ct) =>
        {
            var source = parse.GetValue(file);
            if (source is { Exists: false })
            {
                throw new FileNotFoundException($"no such file: {source.FullName}");
            }

            var settings = new DemoSettings(
                TemplateLocator.Find(parse.GetValue(template)),
                source?.FullName,
                source is null ? ByteSize.Parse(parse.GetValue(size)!) : source.Length,
                parse.GetValue(keep));
            var report = new DemoReport(output);
            await new DemoRunner(settings, report, output).RunAsync(ct);
            report.Print();
            return report.AllAsExpected ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}

/// <summary>What the demo runs with.</summary>
/// <param name="TemplatePath">The SAM template the local cloud loads.</param>
/// <param name="FilePath">The user's file, or null to generate one.</param>
/// <param name="Size">Bytes to upload.</param>
/// <param name="Keep">Keep the temporary directory afterwards.</param>
public sealed record DemoSettings(string TemplatePath, string? FilePath, long Size, bool Keep);
