using System.Diagnostics;
using DirectAccess.Local.Lambda.Invocation;
using DirectAccess.Local.Lambda.RuntimeApi;
using DirectAccess.Local.Model;

namespace DirectAccess.Local.Lambda.Workers;

/// <summary>
/// One execution environment: a worker process, its own Runtime API listener and its execution-role credentials.
/// Runs one invocation at a time and enforces the function's timeout; a timeout, an exit or an init error breaks
/// the worker (it is killed and never reused), as Lambda discards such an environment.
/// </summary>
public sealed class FunctionWorker : IAsyncDisposable
{
    private readonly InvocationMailbox _mailbox;
    private readonly RuntimeApiServer _server;
    private readonly WorkerLog _log;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _initLimit;
    private WorkerProcess? _process;
    private volatile InvocationOutcome? _initError;
    private volatile bool _broken;

    internal FunctionWorker(FunctionModel function, InvocationMailbox mailbox, RuntimeApiServer server, WorkerLog log,
        DateTimeOffset credentialsExpire, TimeProvider clock, TimeSpan initLimit)
    {
        Function = function;
        _mailbox = mailbox;
        _server = server;
        _log = log;
        CredentialsExpire = credentialsExpire;
        _clock = clock;
        _initLimit = initLimit;
    }

    /// <summary>The function this worker runs.</summary>
    public FunctionModel Function { get; }

    /// <summary>When the worker's execution-role credentials expire (UTC).</summary>
    public DateTimeOffset CredentialsExpire { get; }

    /// <summary>The worker's process id (for tests and logs); 0 before it started.</summary>
    public int ProcessId => _process?.Id ?? 0;

    /// <summary>True when the worker may take another invocation: alive, not broken, credentials good for one more run.</summary>
    public bool IsReusable =>
        !_broken && _process is { HasExited: false }
        && CredentialsExpire - _clock.GetUtcNow() > Function.Timeout + TimeSpan.FromMinutes(1);

    /// <summary>Attaches the started process and watches for its exit.</summary>
    internal void Attach(WorkerProcess process)
    {
        _process = process;
        _ = process.Exited.ContinueWith(exited =>
        {
            _broken = true;
            var code = exited.Result;
            _mailbox.FailAll(pending => SandboxErrors.RuntimeExited(pending.Request.AwsRequestId, code));
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Called by the Runtime API when the runtime posts <c>/runtime/init/error</c>.</summary>
    internal void ReportInitError(InvocationOutcome error)
    {
        _initError = error;
        _broken = true;
        _mailbox.FailAll(_ => error);
    }

    /// <summary>
    /// Runs <paramref name="request"/>: waits up to the init limit for the runtime to take it, then up to the
    /// function's timeout for its answer. Never throws for function or sandbox failures: they are outcomes.
    /// </summary>
    public async Task<InvocationOutcome> InvokeAsync(InvocationRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        var pending = new PendingInvocation(request);
        _log.Begin(request.AwsRequestId);
        _mailbox.Post(pending);
        if (_initError is { } initError)
        {
            pending.TryComplete(initError);
        }

        if (_process is { HasExited: true } exited)
        {
            pending.TryComplete(SandboxErrors.RuntimeExited(request.AwsRequestId, exited.Exited.Result));
        }

        try
        {
            await pending.Delivered.WaitAsync(_initLimit);
        }
        catch (TimeoutException)
        {
            if (pending.TryComplete(SandboxErrors.InitTimeout(request.AwsRequestId, _initLimit)))
            {
                Break();
            }
        }

        if (!pending.IsCompleted)
        {
            var remaining = pending.Deadline - _clock.GetUtcNow();
            try
            {
                await pending.Completion.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
            }
            catch (TimeoutException)
            {
                if (pending.TryComplete(SandboxErrors.Timeout(request.AwsRequestId, Function.Timeout)))
                {
                    Break();
                    _log.Write(SandboxErrors.TimeoutLogLine(request.AwsRequestId, Function.Timeout, _clock.GetUtcNow()));
                }
            }
        }

        var outcome = await pending.Completion;
        if (request.CaptureLogTail)
        {
            await _log.SettleAsync();
        }

        var tail = _log.End(request.AwsRequestId, Stopwatch.GetElapsedTime(started), Function.MemorySizeMb);
        return request.CaptureLogTail ? outcome with { LogTail = tail } : outcome;
    }

    /// <summary>Kills the process and stops the worker's Runtime API.</summary>
    public async ValueTask DisposeAsync()
    {
        _broken = true;
        if (_process is { } process)
        {
            await process.DisposeAsync();
        }

        _mailbox.FailAll(pending => SandboxErrors.RuntimeExited(pending.Request.AwsRequestId, null));
        await _server.DisposeAsync();
    }

    private void Break()
    {
        _broken = true;
        _process?.Kill();
    }
}
