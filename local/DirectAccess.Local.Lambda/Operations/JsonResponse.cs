using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Lambda.Operations;

/// <summary>Writes a 200 <c>application/json</c> response from a buffer.</summary>
public static class JsonResponse
{
    /// <summary>Writes <paramref name="json"/>'s contents as the response body.</summary>
    public static async Task WriteAsync(HttpResponse response, MemoryStream json)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.ContentLength = json.Length;
        await response.Body.WriteAsync(json.GetBuffer().AsMemory(0, (int)json.Length));
    }
}
