namespace DirectAccess.Functions.Worker.Hosting;

/// <summary>The process exit codes of <see cref="FunctionsWorkerHost.RunAsync"/>; Lambda treats any non-zero exit as <c>Runtime.ExitError</c>.</summary>
public static class WorkerExitCodes
{
    /// <summary>The host was asked to stop (its cancellation token fired).</summary>
    public const int Stopped = 0;

    /// <summary>Start-up failed (e.g. unknown function name); the error was posted to <c>/runtime/init/error</c>.</summary>
    public const int InitError = 1;

    /// <summary><c>AWS_LAMBDA_RUNTIME_API</c> is missing or malformed, so no error could be posted.</summary>
    public const int NoRuntimeApi = 2;

    /// <summary>The Runtime API failed in a way a runtime must exit on (HTTP 500, unexpected status, broken connection).</summary>
    public const int RuntimeApiFailure = 3;
}
