namespace DirectAccess.Local.Lambda;

/// <summary>
/// Limits and locations of the local Lambda. Defaults follow Lambda's own quotas where one exists; register a
/// different instance before <see cref="LambdaServices.Add"/> to change them (tests shorten some).
/// </summary>
public sealed record LambdaSettings
{
    /// <summary>Environment variable that overrides <see cref="WorkerPath"/>: a <c>.dll</c> (run with <c>dotnet</c>) or an executable.</summary>
    public const string WorkerPathVariable = "DIRECTACCESS_FUNCTIONS_WORKER";

    /// <summary>Folder next to this assembly where the build copies the functions executable.</summary>
    public const string BundledWorkerFolder = "functions-worker";

    /// <summary>
    /// The worker to run: <c>$DIRECTACCESS_FUNCTIONS_WORKER</c> when set, else
    /// <c>&lt;app dir&gt;/functions-worker/DirectAccess.Functions.dll</c> (copied there by the build of this project).
    /// </summary>
    public string WorkerPath { get; init; } = DefaultWorkerPath();

    /// <summary>Most worker processes per function at once (each runs one invocation at a time). Default 4.</summary>
    public int MaxWorkersPerFunction { get; init; } = 4;

    /// <summary>Most invocations of one function waiting for a free worker; more get 429 <c>TooManyRequestsException</c>. Default 64.</summary>
    public int MaxWaitingInvocationsPerFunction { get; init; } = 64;

    /// <summary>Longest wait for a free worker before 429 <c>TooManyRequestsException</c>. Default 30 s.</summary>
    public TimeSpan MaxWaitForWorker { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a new worker may take to ask for its first invocation (Lambda's init phase limit is 10 s); the
    /// function's own timeout starts when the worker receives the event.
    /// </summary>
    public TimeSpan InitLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Capacity of the queue of <c>Event</c> (asynchronous) invocations; a full queue answers 429. Default 256.</summary>
    public int EventQueueCapacity { get; init; } = 256;

    /// <summary>How many <c>Event</c> invocations run at once across all functions. Default 4.</summary>
    public int EventConcurrency { get; init; } = 4;

    /// <summary>
    /// Lifetime of the execution-role credentials each worker gets. A worker is replaced before reuse once fewer than
    /// its function's timeout plus one minute remain. Default 1 hour.
    /// </summary>
    public TimeSpan WorkerCredentialLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Where worker output lines and background errors go (null: nowhere).</summary>
    public TextWriter? Log { get; init; }

    /// <summary>Settings from the cloud's options: the worker cap and the log writer.</summary>
    public static LambdaSettings From(LocalCloudOptions options) => new()
    {
        MaxWorkersPerFunction = Math.Max(1, options.MaxWorkersPerFunction),
        Log = options.Log,
    };

    private static string DefaultWorkerPath() =>
        Environment.GetEnvironmentVariable(WorkerPathVariable) is { Length: > 0 } overridden
            ? Path.GetFullPath(overridden)
            : Path.Combine(AppContext.BaseDirectory, BundledWorkerFolder, "DirectAccess.Functions.dll");
}
