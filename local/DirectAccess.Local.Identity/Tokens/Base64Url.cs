namespace DirectAccess.Local.Identity.Tokens;

/// <summary>Base64url without padding (RFC 4648 §5), as JWTs use it.</summary>
public static class Base64Url
{
    /// <summary>Encodes <paramref name="bytes"/>.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    /// <summary>Decodes <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">When it is not base64url.</exception>
    public static byte[] Decode(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);
}
