using System.Text;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Auth.SigV4;

/// <summary>
/// Builds the SigV4 canonical request (AWS General Reference, "Create a canonical request"):
/// <c>METHOD\nURI\nQUERY\nHEADERS\n\nSIGNED-HEADERS\nPAYLOAD-HASH</c>.
/// <list type="bullet">
/// <item>URI: for S3 the path exactly as sent (S3 neither normalizes nor double-encodes); for every other service the
/// path with dot segments and empty segments removed, then URI-encoded once more (so <c>%3A</c> becomes <c>%253A</c>).</item>
/// <item>Query: every parameter (but <c>X-Amz-Signature</c> when presigned) RFC 3986-encoded, sorted by name then value.</item>
/// <item>Headers: the signed headers, lower-case, values trimmed with inner whitespace runs folded to one space, several
/// values joined with commas.</item>
/// </list>
/// </summary>
internal static class CanonicalRequest
{
    /// <summary>The canonical request text for <paramref name="request"/>.</summary>
    /// <param name="request">The HTTP request as received.</param>
    /// <param name="target">Its raw target.</param>
    /// <param name="parameters">The claimed signature parameters (signed header list).</param>
    /// <param name="service">Signing name; <c>s3</c> keeps the path as sent.</param>
    /// <param name="payloadHash">The payload hash line: hex SHA-256 or a literal such as <c>UNSIGNED-PAYLOAD</c>.</param>
    public static string Build(HttpRequest request, RawRequestTarget target, SignatureParameters parameters, string service, string payloadHash)
    {
        var builder = new StringBuilder(512);
        builder.Append(request.Method).Append('\n');
        builder.Append(CanonicalUri(target.Path, service)).Append('\n');
        AppendCanonicalQuery(builder, target.Query, parameters.IsPresigned);
        builder.Append('\n');
        foreach (var name in parameters.SignedHeaders)
        {
            builder.Append(name).Append(':');
            AppendHeaderValue(builder, name == "host" ? request.Headers.Host.ToString() : null, request.Headers[name]);
            builder.Append('\n');
        }

        builder.Append('\n').Append(parameters.SignedHeadersText).Append('\n').Append(payloadHash);
        return builder.ToString();
    }

    /// <summary>The canonical URI of <paramref name="rawPath"/> for <paramref name="service"/>.</summary>
    public static string CanonicalUri(string rawPath, string service)
    {
        if (rawPath.Length == 0)
        {
            return "/";
        }

        return service == SigV4Names.S3Service ? rawPath : AwsUriEncoder.Encode(RemoveDotSegments(rawPath), keepSlash: true);
    }

    /// <summary>RFC 3986 §5.2.4 dot-segment removal, also dropping empty segments; a trailing slash is kept.</summary>
    private static string RemoveDotSegments(string path)
    {
        var kept = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (kept.Count > 0)
                {
                    kept.RemoveAt(kept.Count - 1);
                }

                continue;
            }

            kept.Add(segment);
        }

        var normalized = "/" + string.Join('/', kept);
        return path.EndsWith('/') && normalized != "/" ? normalized + "/" : normalized;
    }

    private static void AppendCanonicalQuery(StringBuilder builder, string rawQuery, bool presigned)
    {
        if (rawQuery.Length == 0)
        {
            return;
        }

        var pairs = new List<(string Name, string Value)>();
        foreach (var piece in rawQuery.Split('&'))
        {
            if (piece.Length == 0)
            {
                continue;
            }

            var equals = piece.IndexOf('=');
            var name = AwsUriEncoder.DecodePercent(equals < 0 ? piece : piece[..equals]);
            if (presigned && name == SigV4Names.QuerySignature)
            {
                continue;
            }

            var value = equals < 0 ? "" : AwsUriEncoder.DecodePercent(piece[(equals + 1)..]);
            pairs.Add((AwsUriEncoder.Encode(name, keepSlash: false), AwsUriEncoder.Encode(value, keepSlash: false)));
        }

        pairs.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        for (var i = 0; i < pairs.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('&');
            }

            builder.Append(pairs[i].Name).Append('=').Append(pairs[i].Value);
        }
    }

    private static void AppendHeaderValue(StringBuilder builder, string? host, Microsoft.Extensions.Primitives.StringValues values)
    {
        if (host is not null)
        {
            AppendFolded(builder, host);
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            AppendFolded(builder, values[i] ?? "");
        }
    }

    /// <summary>Appends <paramref name="value"/> trimmed, with each run of whitespace inside folded to one space.</summary>
    private static void AppendFolded(StringBuilder builder, string value)
    {
        var span = value.AsSpan().Trim();
        var inWhitespace = false;
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c))
            {
                inWhitespace = true;
                continue;
            }

            if (inWhitespace)
            {
                builder.Append(' ');
                inWhitespace = false;
            }

            builder.Append(c);
        }
    }
}
