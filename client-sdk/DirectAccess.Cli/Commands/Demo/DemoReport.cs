using System.Diagnostics;
using System.Text.Json.Nodes;
using DirectAccess.Cli.Infrastructure;
using Spectre.Console;

namespace DirectAccess.Cli.Commands.Demo;

/// <summary>One demo step: what it checked, whether it behaved as expected, how long it took, and bytes moved.</summary>
public sealed record DemoStep(string Name, bool AsExpected, string Detail, TimeSpan Duration, long? Bytes)
{
    /// <summary>Bytes per second when the step moved bytes.</summary>
    public double? Throughput => Bytes is { } b && Duration.TotalSeconds > 0 ? b / Duration.TotalSeconds : null;
}

/// <summary>Collects the steps as they run and prints the summary table (or JSON).</summary>
public sealed class DemoReport(CliOutput output)
{
    private readonly List<DemoStep> _steps = [];

    /// <summary>The steps so far.</summary>
    public IReadOnlyList<DemoStep> Steps => _steps;

    /// <summary>True when every step behaved as expected.</summary>
    public bool AllAsExpected => _steps.All(s => s.AsExpected);

    /// <summary>
    /// Runs a step. <paramref name="step"/> returns whether it behaved as expected and a detail line; an exception
    /// is a step that did not (its message becomes the detail), and the demo goes on so the summary shows everything.
    /// </summary>
    public async Task<bool> RunAsync(string name, Func<Task<(bool AsExpected, string Detail, long? Bytes)>> step)
    {
        var clock = Stopwatch.StartNew();
        DemoStep result;
        try
        {
            var (ok, detail, bytes) = await step();
            result = new DemoStep(name, ok, detail, clock.Elapsed, bytes);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            result = new DemoStep(name, false, $"{e.GetType().Name}: {e.Message}", clock.Elapsed, null);
        }

        _steps.Add(result);
        if (!output.IsJson)
        {
            var mark = result.AsExpected ? "[green]✓[/]" : "[red]✗[/]";
            output.Line($"{mark} {Markup.Escape(name)} [grey]({result.Duration.TotalSeconds:F2} s)[/] {Markup.Escape(result.Detail)}");
        }

        return result.AsExpected;
    }

    /// <summary>Prints the summary table, or the whole report as JSON.</summary>
    public void Print()
    {
        if (output.IsJson)
        {
            output.WriteJson(new JsonObject
            {
                ["ok"] = AllAsExpected,
                ["steps"] = new JsonArray(_steps.Select(s => (JsonNode?)new JsonObject
                {
                    ["step"] = s.Name, ["asExpected"] = s.AsExpected, ["detail"] = s.Detail,
                    ["seconds"] = Math.Round(s.Duration.TotalSeconds, 3), ["bytes"] = s.Bytes,
                    ["bytesPerSecond"] = s.Throughput is { } t ? Math.Round(t) : null,
                }).ToArray()),
            });
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("DirectAccess demo")
            .AddColumn("step").AddColumn("result").AddColumn(new TableColumn("time").RightAligned()).AddColumn(new TableColumn("throughput").RightAligned());
        foreach (var s in _steps)
        {
            table.AddRow(Markup.Escape(s.Name), s.AsExpected ? "[green]as expected[/]" : "[red]NOT as expected[/]",
                $"{s.Duration.TotalSeconds:F2} s", s.Throughput is { } t ? $"{ByteSize.Format(t)}/s" : "");
        }

        output.Console.Write(table);
        output.Line(AllAsExpected ? "[green]Every step behaved as expected.[/]" : "[red]Some steps did not behave as expected.[/]");
    }
}
