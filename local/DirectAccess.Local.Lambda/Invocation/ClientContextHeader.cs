using System.Buffers.Text;
using System.Text.Json;
using DirectAccess.Local.Lambda.Protocol;

namespace DirectAccess.Local.Lambda.Invocation;

/// <summary>
/// Decodes <c>X-Amz-Client-Context</c>: base64 of a JSON object, at most 3,583 bytes of base64 (Invoke API reference,
/// <c>ClientContext</c>). The result is re-serialized as compact JSON with non-ASCII escaped, so it fits in the
/// <c>Lambda-Runtime-Client-Context</c> header byte for byte.
/// </summary>
public static class ClientContextHeader
{
    /// <summary>Largest accepted header value, in bytes of base64 text.</summary>
    public const int MaximumBase64Bytes = 3583;

    /// <summary>The compact JSON, or null when the header is absent or empty.</summary>
    /// <exception cref="LambdaException">400 <c>InvalidRequestContentException</c>: too long, not base64, or not a JSON object.</exception>
    public static string? Decode(string? headerValue)
    {
        if (string.IsNullOrEmpty(headerValue))
        {
            return null;
        }

        if (headerValue.Length > MaximumBase64Bytes)
        {
            throw LambdaException.InvalidRequestContent(
                $"Client context must be no more than {MaximumBase64Bytes} bytes of base64-encoded data.");
        }

        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(headerValue.Length)];
        if (!Convert.TryFromBase64String(headerValue, bytes, out var length))
        {
            throw Invalid();
        }

        try
        {
            using var document = JsonDocument.Parse(bytes.AsMemory(0, length));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid();
            }

            using var buffer = new MemoryStream(length);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                document.RootElement.WriteTo(writer);
            }

            return System.Text.Encoding.ASCII.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (JsonException)
        {
            throw Invalid();
        }
    }

    private static LambdaException Invalid() =>
        LambdaException.InvalidRequestContent("Client context must be a valid Base64-encoded JSON object.");
}
