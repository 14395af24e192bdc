using DirectAccess.Functions.Worker.Context;

namespace DirectAccess.Functions.Worker.Middleware;

/// <summary>
/// A step around every invocation, in the order registered with <c>UseMiddleware</c> (the first registered runs
/// outermost). Shaped like Azure Functions' isolated-worker middleware. An exception that escapes becomes the
/// invocation's function error.
/// </summary>
public interface IFunctionsWorkerMiddleware
{
    /// <summary>Runs this step; call <paramref name="next"/> to continue, or return without it to short-circuit.</summary>
    /// <param name="context">The invocation's context.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <returns>A task that completes when this step is done.</returns>
    Task Invoke(FunctionContext context, FunctionExecutionDelegate next);
}
