using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Hosting;

/// <summary>Dispatches every request on the shared port to the first <see cref="IAwsServiceHandler"/> that takes it.</summary>
public sealed class ServiceRouter(IEnumerable<IAwsServiceHandler> handlers)
{
    private readonly IAwsServiceHandler[] _handlers = handlers.ToArray();

    /// <summary>Serves <paramref name="context"/>; 400 <c>UnknownOperationException</c> when no handler takes it.</summary>
    public async Task RouteAsync(HttpContext context)
    {
        foreach (var handler in _handlers)
        {
            if (handler.CanHandle(context.Request))
            {
                await handler.HandleAsync(context);
                return;
            }
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{\"__type\":\"UnknownOperationException\",\"message\":\"No service serves this request.\"}");
    }
}
