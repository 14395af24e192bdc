using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Identity.Protocol;

/// <summary>
/// Writes JSON 1.1 responses (<c>Content-Type: application/x-amz-json-1.1</c>, <c>x-amzn-RequestId</c>) and errors
/// (<c>{"__type","message"}</c> plus <c>x-amzn-ErrorType</c>), as AWS's JSON protocol does.
/// </summary>
public static class JsonResponses
{
    /// <summary>The JSON 1.1 content type.</summary>
    public const string ContentType = "application/x-amz-json-1.1";

    /// <summary>Writes a 200 with <paramref name="body"/>.</summary>
    public static async Task WriteAsync(HttpContext context, JsonObject body)
    {
        Prepare(context, StatusCodes.Status200OK);
        await context.Response.WriteAsync(body.ToJsonString());
    }

    /// <summary>Writes the error <paramref name="error"/>.</summary>
    public static async Task WriteErrorAsync(HttpContext context, IdentityPoolException error)
    {
        Prepare(context, error.StatusCode);
        context.Response.Headers["x-amzn-ErrorType"] = error.Type;
        var body = new JsonObject { ["__type"] = error.Type, ["message"] = error.Message };
        await context.Response.WriteAsync(body.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    private static void Prepare(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
    }
}
