using DirectAccess.Functions.Worker.Context;
using DirectAccess.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Functions.Tests.Support.Doubles;

/// <summary>Records entry and exit, and hands the scoped marker it sees to the function through <see cref="FunctionContext.Items"/>.</summary>
public abstract class RecordingMiddleware(CallLog log, string name) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        log.Add($"{name}:before");
        context.Items[name] = context.InstanceServices.GetRequiredService<ScopedMarker>().Id;
        await next(context);
        log.Add($"{name}:after");
    }
}

public sealed class OuterMiddleware(CallLog log) : RecordingMiddleware(log, "outer");

public sealed class InnerMiddleware(CallLog log) : RecordingMiddleware(log, "inner");
