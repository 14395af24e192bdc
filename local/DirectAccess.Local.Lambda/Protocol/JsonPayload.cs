using System.Text.Json;

namespace DirectAccess.Local.Lambda.Protocol;

/// <summary>
/// Lambda accepts only JSON as an Invoke payload (Invoke API reference, <c>Payload</c>; a non-JSON body is 400
/// <c>InvalidRequestContentException</c> "Could not parse request body into json: ..."). An empty payload is allowed.
/// </summary>
public static class JsonPayload
{
    /// <summary>Checks that <paramref name="payload"/> is one well-formed JSON value (or empty), without allocating a DOM.</summary>
    /// <exception cref="LambdaException">400 <c>InvalidRequestContentException</c> naming the parse error.</exception>
    public static void EnsureValid(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return;
        }

        var reader = new Utf8JsonReader(payload, new JsonReaderOptions { MaxDepth = 1000 });
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonException e)
        {
            throw LambdaException.InvalidRequestContent($"Could not parse request body into json: Could not parse payload into json: {e.Message}");
        }
    }
}
