using System.Text;
using DirectAccess.Local.Hosting;
using DirectAccess.Local.Identity.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace DirectAccess.Local.Identity.Sts;

/// <summary>
/// STS over the Query protocol: <c>POST /</c> with a form-encoded body (<c>Action=...&amp;Version=2011-06-15</c>) or
/// <c>GET /?Action=...</c>. Only version <c>2011-06-15</c>; unknown actions are <c>InvalidAction</c>.
/// <see cref="CanHandle"/> looks at method, path, content type and query only (never the body), and leaves JSON
/// 1.1 requests (<c>X-Amz-Target</c>) alone.
/// </summary>
public sealed class StsHandler(IEnumerable<IStsAction> actions) : IAwsServiceHandler
{
    /// <summary>The STS API version.</summary>
    public const string Version = "2011-06-15";

    private readonly Dictionary<string, IStsAction> _actions = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);

    /// <inheritdoc />
    public string Name => "sts";

    /// <inheritdoc />
    public bool CanHandle(HttpRequest request)
    {
        if (request.Path != "/" || request.Headers.ContainsKey("X-Amz-Target"))
        {
            return false;
        }

        return HttpMethods.IsPost(request.Method)
            ? (request.ContentType ?? "").StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            : HttpMethods.IsGet(request.Method) && request.Query.ContainsKey("Action");
    }

    /// <inheritdoc />
    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            byte[] body;
            try
            {
                body = await RequestBody.ReadAsync(context.Request);
            }
            catch (IdentityPoolException tooLarge)
            {
                throw new StsException("ValidationError", tooLarge.Message, tooLarge.StatusCode);
            }

            var parameters = HttpMethods.IsPost(context.Request.Method)
                ? QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body))
                : context.Request.Query.ToDictionary(q => q.Key, q => q.Value);
            var call = new StsCall(context.Request, body, new Dictionary<string, StringValues>(parameters, StringComparer.Ordinal));
            var actionName = call.Get("Action") ?? throw new StsException("MissingAction", "Missing Action");
            if (call.Get("Version") is { } version && version != Version)
            {
                throw new StsException("InvalidAction", $"Could not find operation {actionName} for version {version}");
            }

            if (!_actions.TryGetValue(actionName, out var action))
            {
                throw new StsException("InvalidAction", $"Could not find operation {actionName} for version {call.Get("Version") ?? Version}");
            }

            await StsXml.WriteResultAsync(context, actionName, action.Execute(call));
        }
        catch (StsException error)
        {
            await StsXml.WriteErrorAsync(context, error);
        }
    }
}
