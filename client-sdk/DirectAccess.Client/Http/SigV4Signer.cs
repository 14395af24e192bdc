using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace DirectAccess.Client.Http;

/// <summary>
/// Signs an <see cref="HttpRequestMessage"/> with Signature Version 4 (IAM user guide, "Create a signed AWS API
/// request"). The canonical request is built here from the message; the signing key derivation and signature come from
/// AWSSDK.Core's <see cref="AWS4Signer"/>.
/// </summary>
internal static class SigV4Signer
{
    /// <summary>Adds <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c>, <c>X-Amz-Content-SHA256</c> and <c>Authorization</c>.</summary>
    /// <param name="request">Request whose URI, method and headers are final (content headers included).</param>
    /// <param name="body">The exact body bytes (empty for none).</param>
    /// <param name="credentials">Credentials to sign with.</param>
    /// <param name="region">Signing region.</param>
    /// <param name="service">Signing service name (<c>lambda</c>, <c>cognito-idp</c>, ...).</param>
    /// <param name="signedAt">UTC signing time (skew-corrected).</param>
    public static void Sign(HttpRequestMessage request, ReadOnlySpan<byte> body, ImmutableCredentials credentials, string region, string service, DateTime signedAt) =>
        Sign(request, Convert.ToHexStringLower(SHA256.HashData(body)), canonicalPath: null, credentials, region, service, signedAt);

    /// <summary>
    /// Signs with a given payload hash (e.g. <c>UNSIGNED-PAYLOAD</c> for S3 bodies whose integrity an
    /// <c>x-amz-checksum-*</c> header protects) and, for S3, the canonical path exactly as sent (S3 does not
    /// double-encode). <paramref name="canonicalPath"/> null = double-encode the URI path (all other services).
    /// </summary>
    public static void Sign(HttpRequestMessage request, string payloadHash, string? canonicalPath, ImmutableCredentials credentials, string region, string service, DateTime signedAt)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("request has no URI", nameof(request));
        var amzDate = signedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        request.Headers.Remove("X-Amz-Date");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.Remove("X-Amz-Content-SHA256");
        request.Headers.TryAddWithoutValidation("X-Amz-Content-SHA256", payloadHash);
        if (!string.IsNullOrEmpty(credentials.Token))
        {
            request.Headers.Remove("X-Amz-Security-Token");
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.Token);
        }

        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}",
        };
        void AddAll(HttpHeaders source)
        {
            foreach (var header in source)
            {
                var name = header.Key.ToLowerInvariant();
                if (name is "authorization" or "user-agent" or "expect" or "connection")
                {
                    continue;
                }

                headers[name] = string.Join(",", header.Value.Select(v => string.Join(' ', v.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))));
            }
        }

        AddAll(request.Headers);
        if (request.Content is not null)
        {
            AddAll(request.Content.Headers);
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonical = new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            .Append(canonicalPath ?? CanonicalPath(uri)).Append('\n')
            .Append(CanonicalQuery(uri)).Append('\n');
        foreach (var (name, value) in headers)
        {
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(payloadHash);
        var result = AWS4Signer.ComputeSignature(credentials, region, signedAt, service, signedHeaders, canonical.ToString());
        request.Headers.TryAddWithoutValidation("Authorization", result.ForAuthorizationHeader);
    }

    // Non-S3 services sign the path with each segment URI-encoded once more (SigV4 double encoding).
    private static string CanonicalPath(Uri uri)
    {
        var path = uri.AbsolutePath;
        if (path.Length == 0)
        {
            return "/";
        }

        return string.Join('/', path.Split('/').Select(segment => Uri.EscapeDataString(segment)));
    }

    private static string CanonicalQuery(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return "";
        }

        return string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var eq = pair.IndexOf('=');
                var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
                var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
                return (Name: Uri.EscapeDataString(name), Value: Uri.EscapeDataString(value));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={p.Value}"));
    }
}
