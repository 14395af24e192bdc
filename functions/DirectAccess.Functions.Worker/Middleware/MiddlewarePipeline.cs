namespace DirectAccess.Functions.Worker.Middleware;

/// <summary>Composes middleware around a terminal step once, at host build time, so invocations pay no composition cost.</summary>
internal static class MiddlewarePipeline
{
    /// <summary>Wraps <paramref name="terminal"/> so that <paramref name="middleware"/>[0] runs outermost.</summary>
    public static FunctionExecutionDelegate Compose(IReadOnlyList<IFunctionsWorkerMiddleware> middleware, FunctionExecutionDelegate terminal)
    {
        var next = terminal;
        for (var index = middleware.Count - 1; index >= 0; index--)
        {
            var step = middleware[index];
            var inner = next;
            next = context => step.Invoke(context, inner);
        }

        return next;
    }
}
