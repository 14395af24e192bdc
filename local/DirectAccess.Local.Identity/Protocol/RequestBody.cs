using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Identity.Protocol;

/// <summary>Reads a small request body (JSON 1.1 or Query form) whole, refusing anything over a limit.</summary>
public static class RequestBody
{
    /// <summary>Largest body accepted, in bytes (AWS's Cognito/STS requests are a few KB; tokens ≤ 50,000 chars).</summary>
    public const int MaxBytes = 256 * 1024;

    /// <summary>The body bytes.</summary>
    /// <exception cref="IdentityPoolException"><c>SerializationException</c> (413) when over <see cref="MaxBytes"/>.</exception>
    public static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBytes)
        {
            throw new IdentityPoolException("SerializationException", "Request body too large.", 413);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                throw new IdentityPoolException("SerializationException", "Request body too large.", 413);
            }
        }

        return buffer.ToArray();
    }
}
