using DirectAccess.Functions.Worker.Invocation;
using Microsoft.Extensions.Logging;

namespace DirectAccess.Functions.Worker.Context;

/// <summary>
/// Everything a function and its middleware know about one invocation: the Lambda context (named as in the AWS
/// Lambda developer guide, "Lambda context object in C#"), the caller's Cognito identity, the per-invocation DI
/// scope, and the raw payload streams. One instance per invocation; not thread-safe.
/// </summary>
public sealed class FunctionContext
{
    private readonly RuntimeInvocation _invocation;
    private readonly FunctionEnvironment _environment;
    private readonly TimeProvider _clock;
    private Dictionary<object, object?>? _items;

    internal FunctionContext(
        RuntimeInvocation invocation,
        FunctionEnvironment environment,
        TimeProvider clock,
        ILogger logger,
        IServiceProvider instanceServices,
        Stream inputStream,
        Stream outputStream,
        CancellationToken cancellationToken)
    {
        _invocation = invocation;
        _environment = environment;
        _clock = clock;
        Logger = logger;
        InstanceServices = instanceServices;
        InputStream = inputStream;
        OutputStream = outputStream;
        CancellationToken = cancellationToken;
    }

    /// <summary>The request id (<c>Lambda-Runtime-Aws-Request-Id</c>).</summary>
    public string AwsRequestId => _invocation.AwsRequestId;

    /// <summary>The ARN the caller invoked, with a qualifier when one was used (<c>Lambda-Runtime-Invoked-Function-Arn</c>).</summary>
    public string InvokedFunctionArn => _invocation.InvokedFunctionArn;

    /// <summary>The function's name (<c>AWS_LAMBDA_FUNCTION_NAME</c>).</summary>
    public string FunctionName => _environment.FunctionName;

    /// <summary>The function's version (<c>AWS_LAMBDA_FUNCTION_VERSION</c>, e.g. <c>$LATEST</c>).</summary>
    public string FunctionVersion => _environment.FunctionVersion;

    /// <summary>The memory configured for the function, in MB (<c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>).</summary>
    public int MemoryLimitInMB => _environment.MemoryLimitInMB;

    /// <summary>The CloudWatch Logs group (<c>AWS_LAMBDA_LOG_GROUP_NAME</c>).</summary>
    public string LogGroupName => _environment.LogGroupName;

    /// <summary>The CloudWatch Logs stream (<c>AWS_LAMBDA_LOG_STREAM_NAME</c>).</summary>
    public string LogStreamName => _environment.LogStreamName;

    /// <summary>When Lambda stops the invocation, UTC (<c>Lambda-Runtime-Deadline-Ms</c>).</summary>
    public DateTimeOffset Deadline => _invocation.Deadline;

    /// <summary>Time left until <see cref="Deadline"/>; <see cref="TimeSpan.Zero"/> once it has passed.</summary>
    public TimeSpan RemainingTime
    {
        get
        {
            var remaining = _invocation.Deadline - _clock.GetUtcNow();
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }
    }

    /// <summary>
    /// Cancelled shortly before <see cref="Deadline"/> (see <see cref="DeadlineCancellation"/> for the margin), so a
    /// function can stop and report instead of being killed mid-write. Also cancelled when the worker shuts down.
    /// </summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The caller's Cognito identity (<c>Lambda-Runtime-Cognito-Identity</c>), or null when Lambda sent none.
    /// Functions trust this, never an identity named in the payload.</summary>
    public CognitoIdentity? Identity => _invocation.Identity;

    /// <summary>The caller's client context (<c>Lambda-Runtime-Client-Context</c>), or null when absent.</summary>
    public ClientContext? ClientContext => _invocation.ClientContext;

    /// <summary>The X-Ray trace header (<c>Lambda-Runtime-Trace-Id</c>), also set as <c>_X_AMZN_TRACE_ID</c>; null when absent.</summary>
    public string? TraceId => _invocation.TraceId;

    /// <summary>A logger for this function; every entry is one JSON line on stdout carrying <see cref="AwsRequestId"/>.</summary>
    public ILogger Logger { get; }

    /// <summary>The services of this invocation's own DI scope (disposed when the invocation ends).</summary>
    public IServiceProvider InstanceServices { get; }

    /// <summary>Free-form state shared by middleware and the function during this invocation.</summary>
    public IDictionary<object, object?> Items => _items ??= new Dictionary<object, object?>();

    /// <summary>The invocation payload (at most 6 MB), readable once from the start.</summary>
    public Stream InputStream { get; }

    /// <summary>Where the response payload is written (at most 6 MB, Lambda's synchronous response limit).</summary>
    public Stream OutputStream { get; }
}
