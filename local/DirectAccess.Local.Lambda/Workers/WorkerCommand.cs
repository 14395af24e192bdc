namespace DirectAccess.Local.Lambda.Workers;

/// <summary>How to start the functions executable: <c>dotnet &lt;dll&gt;</c> for a <c>.dll</c>, else the file itself.</summary>
/// <param name="FileName">The program to run.</param>
/// <param name="Arguments">Its arguments.</param>
/// <param name="WorkingDirectory">The worker's folder (like <c>LAMBDA_TASK_ROOT</c>).</param>
public sealed record WorkerCommand(string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    /// <summary>The command for <paramref name="workerPath"/>.</summary>
    /// <exception cref="FileNotFoundException">The worker does not exist (fail closed: nothing else is run).</exception>
    public static WorkerCommand For(string workerPath)
    {
        if (!File.Exists(workerPath))
        {
            throw new FileNotFoundException(
                $"The functions worker '{workerPath}' does not exist. Build local/DirectAccess.Local.Lambda (it copies " +
                $"functions/DirectAccess.Functions under {LambdaSettings.BundledWorkerFolder}/) or set {LambdaSettings.WorkerPathVariable}.",
                workerPath);
        }

        var folder = Path.GetDirectoryName(workerPath) ?? Environment.CurrentDirectory;
        return workerPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new WorkerCommand(DotnetHost(), [workerPath], folder)
            : new WorkerCommand(workerPath, [], folder);
    }

    /// <summary>
    /// The <c>dotnet</c> host: <c>DOTNET_HOST_PATH</c> (set by the SDK for its child processes), this process when it
    /// is <c>dotnet</c> itself, <c>$DOTNET_ROOT/dotnet</c>, else <c>dotnet</c> from <c>PATH</c>.
    /// </summary>
    private static string DotnetHost()
    {
        var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        if (Environment.ProcessPath is { } self && Path.GetFileName(self).Equals(executable, StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && File.Exists(Path.Combine(root, executable)))
        {
            return Path.Combine(root, executable);
        }

        return executable;
    }
}
