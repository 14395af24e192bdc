using System.Net;
using System.Text.Json;

namespace DirectAccess.Local.Lambda.Tests.Support;

/// <summary>An Invoke response read whole: status, the Lambda headers, and the body.</summary>
public sealed record InvokeResult(HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public static async Task<InvokeResult> ReadAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        return new InvokeResult(response.StatusCode, headers, await response.Content.ReadAsByteArrayAsync());
    }

    public string? Header(string name) => Headers.GetValueOrDefault(name);

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}
