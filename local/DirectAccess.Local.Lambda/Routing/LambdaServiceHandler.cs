using DirectAccess.Local.Hosting;
using DirectAccess.Local.Lambda.Invocation;
using DirectAccess.Local.Lambda.Operations;
using DirectAccess.Local.Lambda.Protocol;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Lambda.Routing;

/// <summary>
/// The Lambda API on the shared port (REST-JSON, paths under <c>/2015-03-31/functions</c>): dispatches to the
/// operations, stamps every response with <c>x-amzn-RequestId</c>, and turns refusals into Lambda's error shapes.
/// Paths under the prefix that match no operation get 404 <c>UnknownOperationException</c>.
/// </summary>
public sealed class LambdaServiceHandler(InvokeOperation invoke, GetFunctionOperation getFunction, ListFunctionsOperation listFunctions) : IAwsServiceHandler
{
    /// <inheritdoc />
    public string Name => "lambda";

    /// <inheritdoc />
    public bool CanHandle(HttpRequest request) =>
        request.Path.StartsWithSegments(LambdaRoute.Prefix, StringComparison.Ordinal);

    /// <inheritdoc />
    public async Task HandleAsync(HttpContext context)
    {
        var requestId = InvocationIds.NewRequestId();
        context.Response.Headers[LambdaHeaders.RequestId] = requestId;
        try
        {
            var route = LambdaRoute.Match(context.Request)
                ?? throw new LambdaException(404, "UnknownOperationException", "Unknown operation.", LambdaErrorBody.MessageOnly);
            switch (route.Operation)
            {
                case LambdaOperation.Invoke:
                    await invoke.HandleAsync(context, route.FunctionName!, requestId);
                    break;
                case LambdaOperation.GetFunction:
                    await getFunction.HandleAsync(context, route.FunctionName!);
                    break;
                default:
                    await listFunctions.HandleAsync(context);
                    break;
            }
        }
        catch (LambdaException error) when (!context.Response.HasStarted)
        {
            await LambdaErrorWriter.WriteAsync(context.Response, error);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; nothing to answer.
        }
        catch (Exception unexpected) when (!context.Response.HasStarted && unexpected is not OperationCanceledException)
        {
            // A fault of the local Lambda itself: answer as Lambda does for its own failures, never as a success.
            await LambdaErrorWriter.WriteAsync(context.Response, LambdaException.Service($"Internal error: {unexpected.Message}"));
        }
    }
}
