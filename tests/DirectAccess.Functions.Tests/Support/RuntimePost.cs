using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Functions.Tests.Support;

/// <summary>What the worker posted for an invocation (or init): which endpoint, the body, and the relevant headers.</summary>
public sealed record RuntimePost(string Kind, byte[] Body, string? ContentType, string? FunctionErrorType)
{
    public bool IsResponse => Kind == "response";

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public static async Task<RuntimePost> ReadAsync(string kind, HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        return new RuntimePost(kind, body.ToArray(), request.ContentType, request.Headers["Lambda-Runtime-Function-Error-Type"].FirstOrDefault());
    }
}
