using System.Text;
using System.Text.Json;

namespace DirectAccess.Local.Identity.Tokens;

/// <summary>
/// A JWS in compact serialization (RFC 7515 §7.1): <c>base64url(header).base64url(payload).base64url(signature)</c>,
/// split and decoded but <b>not verified</b>. Verification is the caller's job (see <see cref="Rs256"/>).
/// </summary>
public sealed class CompactJwt
{
    private CompactJwt(JsonElement header, JsonElement payload, byte[] signingInput, byte[] signature)
    {
        Header = header;
        Payload = payload;
        SigningInput = signingInput;
        Signature = signature;
    }

    /// <summary>The JOSE header object.</summary>
    public JsonElement Header { get; }

    /// <summary>The claims object.</summary>
    public JsonElement Payload { get; }

    /// <summary>ASCII bytes of <c>header.payload</c>, the data the signature covers.</summary>
    public byte[] SigningInput { get; }

    /// <summary>The decoded signature bytes.</summary>
    public byte[] Signature { get; }

    /// <summary>Splits and decodes <paramref name="token"/>; false when it is not three base64url JSON-object parts.</summary>
    public static bool TryParse(string token, out CompactJwt jwt)
    {
        jwt = null!;
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return false;
        }

        try
        {
            var header = JsonDocument.Parse(Base64Url.Decode(parts[0])).RootElement;
            var payload = JsonDocument.Parse(Base64Url.Decode(parts[1])).RootElement;
            if (header.ValueKind != JsonValueKind.Object || payload.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            jwt = new CompactJwt(header, payload, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.Decode(parts[2]));
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }
    }

    /// <summary>A string header parameter, or null.</summary>
    public string? HeaderString(string name) =>
        Header.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A string claim, or null.</summary>
    public string? ClaimString(string name) =>
        Payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A NumericDate claim (seconds since the epoch, UTC), or null.</summary>
    public long? ClaimSeconds(string name) =>
        Payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds) ? seconds : null;

    /// <summary>
    /// A claim as a list of strings: a JSON array of strings, or a single string (Cognito writes <c>cognito:roles</c>
    /// as an array; some tools write one string). Empty when absent or of another type.
    /// </summary>
    public IReadOnlyList<string> ClaimStrings(string name)
    {
        if (!Payload.TryGetProperty(name, out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToArray(),
            _ => [],
        };
    }
}
