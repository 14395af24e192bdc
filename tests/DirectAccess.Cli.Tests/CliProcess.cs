using System.Diagnostics;
using System.Text.Json.Nodes;

namespace DirectAccess.Cli.Tests;

/// <summary>The result of one <c>directaccess</c> run.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public JsonNode Json => JsonNode.Parse(Stdout) ?? throw new InvalidDataException("stdout was JSON null");

    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}

/// <summary>Runs the real <c>directaccess</c> executable (<c>dotnet directaccess.dll ...</c>) as a child process.</summary>
internal static class CliProcess
{
    /// <summary>Runs with <paramref name="home"/> as <c>DIRECTACCESS_HOME</c> (stored logins, caches) and no stdin.</summary>
    public static async Task<CliRun> RunAsync(string home, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = home,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "directaccess.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DIRECTACCESS_HOME"] = home;
        start.Environment.Remove("DIRECTACCESS_CONFIG");
        start.Environment.Remove("DIRECTACCESS_PASSWORD");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"directaccess {string.Join(' ', args)} did not finish");
        }

        return new CliRun(process.ExitCode, await stdout, await stderr);
    }
}
