using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DirectAccess.Local.Auth.SigV4;

/// <summary>
/// The request target exactly as the client sent it (still percent-encoded), split into path and query. SigV4 signs
/// the encoded form, and ASP.NET Core's <c>Path</c> is already decoded, so the raw target is the only faithful source.
/// </summary>
internal readonly record struct RawRequestTarget(string Path, string Query)
{
    /// <summary>Reads the raw target of <paramref name="request"/> (falls back to re-encoding Path and QueryString).</summary>
    public static RawRequestTarget From(HttpRequest request)
    {
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw))
        {
            raw = (request.PathBase + request.Path).ToUriComponent() + request.QueryString.ToUriComponent();
        }

        // Absolute-form targets (http://host/path) carry the authority; SigV4 signs only the path.
        if (raw.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || raw.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            var pathStart = raw.IndexOf('/', raw.IndexOf("//", StringComparison.Ordinal) + 2);
            raw = pathStart < 0 ? "/" : raw[pathStart..];
        }

        var question = raw.IndexOf('?');
        return question < 0 ? new RawRequestTarget(raw, "") : new RawRequestTarget(raw[..question], raw[(question + 1)..]);
    }
}
