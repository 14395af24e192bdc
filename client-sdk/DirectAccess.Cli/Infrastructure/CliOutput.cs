using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace DirectAccess.Cli.Infrastructure;

/// <summary>Where a command writes: one JSON document (<c>--json</c>) or human output through Spectre.Console.</summary>
public sealed class CliOutput(bool json)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>True when the command prints one JSON document.</summary>
    public bool IsJson { get; } = json;

    /// <summary>The terminal for human output.</summary>
    public IAnsiConsole Console { get; } = AnsiConsole.Console;

    /// <summary>True when a live progress bar makes sense (human output on an interactive terminal).</summary>
    public bool ShowsProgress => !IsJson && Console.Profile.Capabilities.Interactive;

    /// <summary>Writes <paramref name="document"/> as the command's JSON result.</summary>
    public void WriteJson(JsonNode? document) => System.Console.Out.WriteLine(document?.ToJsonString(Indented) ?? "null");

    /// <summary>Writes a line of human output (Spectre markup).</summary>
    public void Line(string markup) => Console.MarkupLine(markup);

    /// <summary>Writes a two-column table of names and values.</summary>
    public void Fields(params (string Name, object? Value)[] fields)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("field").AddColumn("value");
        foreach (var (name, value) in fields)
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(value?.ToString() ?? "-"));
        }

        Console.Write(table);
    }

    /// <summary>Reports an error on stderr (or as <c>{"error": …}</c> JSON on stdout with <c>--json</c>).</summary>
    public void Error(string code, string message, string? requestId = null)
    {
        if (IsJson)
        {
            WriteJson(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["requestId"] = requestId } });
            return;
        }

        var suffix = requestId is null ? "" : $" (request id {requestId})";
        System.Console.Error.WriteLine($"error: {code}: {message}{suffix}");
    }
}
