using System.Diagnostics;
using System.Text;

namespace DirectAccess.Functions.Tests.Support;

/// <summary>
/// The real functions executable (<c>dotnet DirectAccess.Functions.dll</c>, copied beside the tests) started as a child
/// process with the environment Lambda (or the local cloud) gives it. Only this process is ever killed, by its handle.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();

    private AppProcess(Process process) => _process = process;

    /// <summary>
    /// The app's own build output (its deps.json resolves its packages), built as this project's reference with the
    /// same configuration: <c>functions/DirectAccess.Functions/bin/&lt;Configuration&gt;/net10.0/</c>. The copy beside the
    /// tests cannot run alone: packages the ASP.NET shared framework supplies to the tests are not copied there.
    /// </summary>
    public static string AppPath
    {
        get
        {
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = testOutput.Parent!.Name;
            var root = testOutput;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "DirectAccess.sln")))
            {
                root = root.Parent;
            }

            return Path.Combine(
                root?.FullName ?? throw new InvalidOperationException("DirectAccess.sln not found above the test output"),
                "functions", "DirectAccess.Functions", "bin", configuration, testOutput.Name, "DirectAccess.Functions.dll");
        }
    }

    public static AppProcess Start(string runtimeApi, string functionName, IReadOnlyDictionary<string, string>? extra = null)
    {
        var start = new ProcessStartInfo("dotnet", [AppPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys.Where(key => key.StartsWith("AWS_", StringComparison.Ordinal) || key == "UPLOAD_BUCKET").ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        start.Environment["DIRECTACCESS_FUNCTION"] = functionName;
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "directaccess-" + functionName;
        start.Environment["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        start.Environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "256";
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
        app._process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (app._stdout)
                {
                    app._stdout.AppendLine(line.Data);
                }
            }
        };
        app._process.ErrorDataReceived += (_, _) => { };
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        return app;
    }

    public string[] StdoutLines()
    {
        lock (_stdout)
        {
            return _stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
    }

    /// <summary>Waits at most <paramref name="timeout"/> for the process to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(limit.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
