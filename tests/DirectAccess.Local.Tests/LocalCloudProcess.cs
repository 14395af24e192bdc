using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DirectAccess.Local.Tests;

/// <summary>The local cloud as a real child process (<c>dotnet DirectAccess.Local.dll ...</c>), as a user runs it.</summary>
internal sealed partial class LocalCloudProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private LocalCloudProcess(Process process) => _process = process;

    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    public static LocalCloudProcess Start(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "DirectAccess.Local.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var cloud = new LocalCloudProcess(process);
        process.OutputDataReceived += (_, e) => cloud.Add(e.Data);
        process.ErrorDataReceived += (_, e) => cloud.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cloud;
    }

    /// <summary>Waits for the <c>ready</c> line and returns the endpoint it names.</summary>
    public async Task<Uri> WaitForReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var ready = Output.FirstOrDefault(l => l.Contains("ready", StringComparison.Ordinal));
            if (ready is not null)
            {
                return new Uri(EndpointPattern().Match(ready).Value);
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"exited {_process.ExitCode}: {string.Join('\n', Output)}");
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("no ready line: " + string.Join('\n', Output));
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Sends SIGINT (Ctrl+C), as a user stopping it in a terminal does.</summary>
    public void Interrupt() => _ = Kill(_process.Id, 2);

    /// <summary>Sends SIGTERM, as a service manager stopping it does.</summary>
    public void Terminate() => _ = Kill(_process.Id, 15);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex EndpointPattern();
}
