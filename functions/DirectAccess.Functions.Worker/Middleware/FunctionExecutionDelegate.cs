using DirectAccess.Functions.Worker.Context;

namespace DirectAccess.Functions.Worker.Middleware;

/// <summary>The rest of the invocation pipeline: the next middleware, or finally the function itself.</summary>
/// <param name="context">The invocation's context.</param>
/// <returns>A task that completes when the rest of the pipeline has run.</returns>
public delegate Task FunctionExecutionDelegate(FunctionContext context);
