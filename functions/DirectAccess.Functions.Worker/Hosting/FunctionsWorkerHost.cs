using DirectAccess.Functions.Worker.Context;
using DirectAccess.Functions.Worker.Functions;
using DirectAccess.Functions.Worker.Invocation;
using DirectAccess.Functions.Worker.Middleware;
using DirectAccess.Functions.Worker.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DirectAccess.Functions.Worker.Hosting;

/// <summary>
/// A built worker: serves the one function named by <c>DIRECTACCESS_FUNCTION</c> (else <c>_HANDLER</c>) over the Lambda
/// Runtime API at <c>AWS_LAMBDA_RUNTIME_API</c>, or runs invocations in memory through <see cref="InvokeAsync"/>.
/// </summary>
public sealed class FunctionsWorkerHost : IAsyncDisposable
{
    private const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";

    private readonly ServiceProvider _services;
    private readonly IConfiguration _configuration;
    private readonly FunctionEnvironment _environment;
    private readonly IReadOnlyList<IFunctionsWorkerMiddleware> _middleware;
    private readonly IReadOnlyDictionary<string, FunctionDefinition> _functions;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private InvocationDispatcher? _dispatcher;

    internal FunctionsWorkerHost(
        ServiceProvider services,
        IConfiguration configuration,
        FunctionEnvironment environment,
        IReadOnlyList<IFunctionsWorkerMiddleware> middleware,
        IReadOnlyDictionary<string, FunctionDefinition> functions)
    {
        _services = services;
        _configuration = configuration;
        _environment = environment;
        _middleware = middleware;
        _functions = functions;
        // Resolved once: Microsoft's container compiles a resolver for any service asked for twice, work a cold
        // start does not need.
        _loggers = services.GetRequiredService<ILoggerFactory>();
        _logger = _loggers.CreateLogger("DirectAccess.Functions.Worker");
    }

    /// <summary>The root service provider.</summary>
    public IServiceProvider Services => _services;

    /// <summary>The registered function names, sorted ordinally.</summary>
    public IReadOnlyList<string> FunctionNames => [.. _functions.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// Runs the Runtime API loop until <paramref name="cancellationToken"/> fires. Start-up failures (unknown function
    /// name, a function whose dependencies cannot be built) are posted to <c>/runtime/init/error</c>.
    /// </summary>
    /// <param name="cancellationToken">Stops the loop (the exit code is then <see cref="WorkerExitCodes.Stopped"/>).</param>
    /// <returns>The process exit code, one of <see cref="WorkerExitCodes"/>.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        RuntimeApiClient client;
        try
        {
            client = new RuntimeApiClient(_configuration[RuntimeApiVariable] ?? string.Empty);
        }
        catch (ArgumentException exception)
        {
            _logger.LogCritical(exception, "{Variable} must be set to the Runtime API's host:port", RuntimeApiVariable);
            return WorkerExitCodes.NoRuntimeApi;
        }

        using (client)
        {
            InvocationDispatcher dispatcher;
            try
            {
                dispatcher = GetDispatcher();
            }
            catch (Exception exception)
            {
                return await ReportInitErrorAsync(client, exception, cancellationToken).ConfigureAwait(false);
            }

            try
            {
                await new RuntimeLoop(client, dispatcher, _logger).RunAsync(cancellationToken).ConfigureAwait(false);
                return WorkerExitCodes.Stopped;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return WorkerExitCodes.Stopped;
            }
            catch (Exception exception) when (exception is RuntimeApiException or HttpRequestException or IOException)
            {
                _logger.LogCritical(exception, "The Runtime API failed; exiting");
                return WorkerExitCodes.RuntimeApiFailure;
            }
        }
    }

    /// <summary>
    /// Runs one invocation in memory through the same pipeline the Runtime API loop uses (middleware, DI scope,
    /// function, serialization), without HTTP.
    /// </summary>
    /// <param name="invocation">The invocation's headers.</param>
    /// <param name="input">The payload; a <see cref="MemoryStream"/> is parsed from its buffer directly.</param>
    /// <param name="output">Where the response is written.</param>
    /// <param name="cancellationToken">Cancels the invocation (in addition to its deadline).</param>
    /// <returns>The outcome: success, or the function error that would be posted to <c>/error</c>.</returns>
    /// <exception cref="FunctionInitException">The configured function is unknown.</exception>
    public Task<InvocationOutcome> InvokeAsync(RuntimeInvocation invocation, Stream input, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return GetDispatcher().DispatchAsync(invocation, input, output, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private InvocationDispatcher GetDispatcher() => _dispatcher ??= CreateDispatcher();

    /// <summary>Picks the function, checks its dependencies resolve, and composes the pipeline once.</summary>
    private InvocationDispatcher CreateDispatcher()
    {
        var name = FunctionSelection.ConfiguredName(_configuration);
        if (name is null || !_functions.TryGetValue(name, out var function))
        {
            throw new FunctionInitException(
                FunctionInitException.HandlerNotFound,
                $"Unknown function '{name}' (from {FunctionSelection.FunctionVariable} or {FunctionSelection.HandlerVariable}). Known functions: {string.Join(", ", FunctionNames)}.");
        }

        using (var probe = _services.CreateScope())
        {
            _ = probe.ServiceProvider.GetRequiredService(function.FunctionType);
        }

        var functionLogger = _loggers.CreateLogger(function.Name);
        return new InvocationDispatcher(
            _services.GetRequiredService<IServiceScopeFactory>(),
            _environment,
            functionLogger,
            MiddlewarePipeline.Compose(_middleware, function.CreateExecutor()),
            _services.GetRequiredService<TimeProvider>());
    }

    private async Task<int> ReportInitErrorAsync(RuntimeApiClient client, Exception exception, CancellationToken cancellationToken)
    {
        _logger.LogCritical(exception, "Start-up failed");
        var error = exception is FunctionInitException init
            ? new FunctionError(init.ErrorType, init.Message, [])
            : FunctionError.From(exception);
        try
        {
            await client.PostInitErrorAsync(error, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception postFailure) when (postFailure is RuntimeApiException or HttpRequestException or IOException or OperationCanceledException)
        {
            _logger.LogCritical(postFailure, "Could not post the init error");
        }

        return WorkerExitCodes.InitError;
    }
}
