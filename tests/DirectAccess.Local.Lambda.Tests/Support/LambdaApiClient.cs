using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using DirectAccess.Local.Security;

namespace DirectAccess.Local.Lambda.Tests.Support;

/// <summary>
/// A raw HTTP client for the Lambda API whose requests are signed with AWSSDK.Core's SigV4 implementation
/// (<see cref="AWS4Signer.ComputeSignature(ImmutableCredentials,string,DateTime,string,string,string)"/>), an
/// implementation independent of the local cloud's verifier. The canonical request is built here.
/// </summary>
public sealed class LambdaApiClient(Uri endpoint, string region, CallerIdentity caller) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary><c>Invoke</c> with optional extra headers (e.g. <c>X-Amz-Invocation-Type</c>).</summary>
    public Task<HttpResponseMessage> InvokeAsync(string functionName, string payload, IDictionary<string, string>? headers = null, string? qualifier = null) =>
        InvokeAsync(functionName, Encoding.UTF8.GetBytes(payload), headers, qualifier);

    /// <summary><c>Invoke</c> with a byte payload.</summary>
    public Task<HttpResponseMessage> InvokeAsync(string functionName, byte[] payload, IDictionary<string, string>? headers = null, string? qualifier = null)
    {
        var path = $"/2015-03-31/functions/{Uri.EscapeDataString(functionName)}/invocations";
        return SendAsync(HttpMethod.Post, path, qualifier is null ? null : $"Qualifier={Uri.EscapeDataString(qualifier)}", payload, headers);
    }

    /// <summary>Sends a signed request. <paramref name="query"/> is already encoded (<c>a=b&amp;c=d</c>) or null.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? query, byte[]? body, IDictionary<string, string>? headers = null)
    {
        var uri = new Uri(_http.BaseAddress!, query is null ? path : $"{path}?{query}");
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        Sign(request, body ?? []);
        return await _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();

    private void Sign(HttpRequestMessage request, byte[] body)
    {
        var signedAt = DateTime.UtcNow;
        var uri = request.RequestUri!;
        request.Headers.TryAddWithoutValidation("X-Amz-Date", signedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        if (caller.SessionToken is { } token)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", token);
        }

        var signed = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = uri.Authority,
        };
        foreach (var header in request.Headers)
        {
            var name = header.Key.ToLowerInvariant();
            if (name.StartsWith("x-amz-", StringComparison.Ordinal))
            {
                signed[name] = string.Join(",", header.Value).Trim();
            }
        }

        var signedHeaders = string.Join(';', signed.Keys);
        var canonical = new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            // Non-S3 services sign each path segment encoded once more.
            .Append(string.Join('/', uri.AbsolutePath.Split('/').Select(Uri.EscapeDataString))).Append('\n')
            .Append(CanonicalQuery(uri.Query)).Append('\n');
        foreach (var (name, value) in signed)
        {
            canonical.Append(name).Append(':').Append(value).Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(Convert.ToHexStringLower(SHA256.HashData(body)));
        var credentials = new ImmutableCredentials(caller.AccessKeyId, caller.SecretAccessKey, caller.SessionToken);
        var result = AWS4Signer.ComputeSignature(credentials, region, signedAt, "lambda", signedHeaders, canonical.ToString());
        request.Headers.TryAddWithoutValidation("Authorization", result.ForAuthorizationHeader);
    }

    private static string CanonicalQuery(string query)
    {
        if (query.Length <= 1)
        {
            return string.Empty;
        }

        return string.Join('&', query[1..].Split('&')
            .Select(pair => pair.Split('=', 2))
            .Select(kv => (Name: Uri.EscapeDataString(Uri.UnescapeDataString(kv[0])), Value: Uri.EscapeDataString(Uri.UnescapeDataString(kv.Length > 1 ? kv[1] : ""))))
            .OrderBy(kv => kv.Name, StringComparer.Ordinal).ThenBy(kv => kv.Value, StringComparer.Ordinal)
            .Select(kv => $"{kv.Name}={kv.Value}"));
    }
}
