using System.Text;

namespace DirectAccess.Local.Auth.SigV4;

/// <summary>
/// The URI encoding SigV4 prescribes (AWS General Reference, "Create a canonical request"): RFC 3986 unreserved
/// characters (<c>A-Z a-z 0-9 - . _ ~</c>) stay, every other byte of the UTF-8 form becomes <c>%XY</c> with upper-case
/// hex. Spaces are <c>%20</c>, never <c>+</c>.
/// </summary>
internal static class AwsUriEncoder
{
    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>Encodes <paramref name="text"/>; <c>/</c> is kept when <paramref name="keepSlash"/> (paths).</summary>
    public static string Encode(string text, bool keepSlash)
    {
        if (IsAlreadyPlain(text, keepSlash))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length * 2);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsUnreserved(c) || (keepSlash && c == '/'))
            {
                builder.Append(c);
                continue;
            }

            var length = char.IsSurrogatePair(text, i)
                ? Encoding.UTF8.GetBytes(text.AsSpan(i++, 2), utf8)
                : Encoding.UTF8.GetBytes(text.AsSpan(i, 1), utf8);
            foreach (var b in utf8[..length])
            {
                builder.Append('%').Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Decodes <c>%XY</c> escapes only (a <c>+</c> stays a plus: SigV4 clients send spaces as <c>%20</c>). Invalid
    /// escapes are kept literally, so re-encoding turns their <c>%</c> into <c>%25</c> and the signature fails closed.
    /// </summary>
    public static string DecodePercent(string text)
    {
        if (!text.Contains('%'))
        {
            return text;
        }

        var bytes = new List<byte>(text.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && i + 2 < text.Length &&
                Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }

            var length = char.IsSurrogatePair(text, i)
                ? Encoding.UTF8.GetBytes(text.AsSpan(i++, 2), utf8)
                : Encoding.UTF8.GetBytes(text.AsSpan(i, 1), utf8);
            bytes.AddRange(utf8[..length].ToArray());
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static bool IsAlreadyPlain(string text, bool keepSlash)
    {
        foreach (var c in text)
        {
            if (!IsUnreserved(c) && !(keepSlash && c == '/'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUnreserved(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~';
}
