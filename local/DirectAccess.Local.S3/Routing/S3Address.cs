using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DirectAccess.Local.S3.Routing;

/// <summary>
/// The bucket and key a request addresses (S3 user guide, "Virtual hosting of buckets"): virtual-hosted style
/// (<c>Host: &lt;bucket&gt;.localhost[:port]</c>, key = path) or path style (<c>/&lt;bucket&gt;/&lt;key&gt;</c>). The key is
/// decoded from the raw request target, so <c>%2F</c>, <c>//</c> and <c>..</c> in keys survive exactly as sent.
/// </summary>
/// <param name="Bucket">Bucket name, or null for service-level requests (ListBuckets).</param>
/// <param name="Key">Object key, or null for bucket-level requests.</param>
public sealed record S3Address(string? Bucket, string? Key)
{
    private const string VirtualHostSuffix = ".localhost";

    /// <summary>Parses the request's Host header and raw target.</summary>
    public static S3Address Parse(HttpRequest request)
    {
        var rawTarget = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "/";
        var query = rawTarget.IndexOf('?');
        var rawPath = query >= 0 ? rawTarget[..query] : rawTarget;
        if (Uri.TryCreate(rawPath, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal))
        {
            rawPath = absolute.AbsolutePath; // absolute-form request target (proxies)
        }

        var path = PercentDecode(rawPath);
        var host = request.Host.Host;
        if (host.EndsWith(VirtualHostSuffix, StringComparison.OrdinalIgnoreCase) && host.Length > VirtualHostSuffix.Length)
        {
            var bucket = host[..^VirtualHostSuffix.Length];
            var key = path.Length > 1 ? path[1..] : null;
            return new S3Address(bucket, key);
        }

        var trimmed = path.StartsWith('/') ? path[1..] : path;
        if (trimmed.Length == 0)
        {
            return new S3Address(null, null);
        }

        var slash = trimmed.IndexOf('/');
        return slash < 0
            ? new S3Address(trimmed, null)
            : new S3Address(trimmed[..slash], slash + 1 < trimmed.Length ? trimmed[(slash + 1)..] : null);
    }

    /// <summary>RFC 3986 percent-decoding as UTF-8 (a <c>+</c> stays a plus: paths are not form-encoded).</summary>
    public static string PercentDecode(string value)
    {
        if (!value.Contains('%'))
        {
            return value;
        }

        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length && Uri.IsHexDigit(value[i + 1]) && Uri.IsHexDigit(value[i + 2]))
            {
                bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }
}
