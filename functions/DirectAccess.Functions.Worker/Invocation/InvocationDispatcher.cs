using DirectAccess.Functions.Worker.Context;
using DirectAccess.Functions.Worker.Logging;
using DirectAccess.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DirectAccess.Functions.Worker.Invocation;

/// <summary>
/// Runs one invocation through the composed pipeline (middleware, then the function) inside a fresh DI scope, with a
/// cancellation token that fires shortly before the deadline. Knows nothing of HTTP: the Runtime API loop and
/// in-memory callers (tests, benchmarks) share it.
/// </summary>
internal sealed class InvocationDispatcher(
    IServiceScopeFactory scopes,
    FunctionEnvironment environment,
    ILogger functionLogger,
    FunctionExecutionDelegate pipeline,
    TimeProvider clock)
{
    /// <summary>Runs the invocation; never throws for a function failure, which is returned as the outcome's error.</summary>
    public async Task<InvocationOutcome> DispatchAsync(RuntimeInvocation invocation, Stream input, Stream output, CancellationToken shutdown)
    {
        CurrentInvocation.Set(invocation.AwsRequestId);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        cancellation.CancelAfter(DeadlineCancellation.DelayUntilCancel(invocation.Deadline, clock.GetUtcNow()));
        var scope = scopes.CreateAsyncScope();
        try
        {
            var context = new FunctionContext(invocation, environment, clock, functionLogger, scope.ServiceProvider, input, output, cancellation.Token);
            await pipeline(context).ConfigureAwait(false);
            return default;
        }
        catch (Exception exception)
        {
            var error = FunctionError.From(exception);
            functionLogger.LogError(exception, "Invocation failed: {ErrorType}: {ErrorMessage}", error.ErrorType, error.ErrorMessage);
            return new InvocationOutcome(error);
        }
        finally
        {
            await scope.DisposeAsync().ConfigureAwait(false);
        }
    }
}
