using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using DirectAccess.Local.Security;

namespace DirectAccess.Local.Auth.Tests.Support;

/// <summary>
/// A deliberately plain SigV4 signer for building requests (and then tampering with them). It shares no code with the
/// verifier under test; the AWS SDK and botocore tests cross-check the verifier independently.
/// </summary>
public sealed class TestSigner(CallerIdentity credentials)
{
    public string Region { get; init; } = TestKeys.Region;

    public string Service { get; init; } = "s3";

    public DateTimeOffset Time { get; init; } = DateTimeOffset.UtcNow;

    public bool SendSessionToken { get; init; } = true;

    public string AmzDate => Time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public string Scope => $"{AmzDate[..8]}/{Region}/{Service}/aws4_request";

    /// <summary>Signs with the Authorization header; <paramref name="payloadHash"/> null = hex SHA-256 of the body.</summary>
    public HttpRequestMessage Sign(HttpMethod method, Uri uri, byte[] body, string? payloadHash = null,
        IDictionary<string, string>? extraHeaders = null, string? host = null, bool sendContentSha256 = true)
    {
        payloadHash ??= Hex(SHA256.HashData(body));
        host ??= uri.Authority;
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = host,
            ["x-amz-date"] = AmzDate,
        };
        if (sendContentSha256)
        {
            headers["x-amz-content-sha256"] = payloadHash;
        }

        if (SendSessionToken && credentials.SessionToken is not null)
        {
            headers["x-amz-security-token"] = credentials.SessionToken;
        }

        foreach (var (name, value) in extraHeaders ?? new Dictionary<string, string>())
        {
            headers[name.ToLowerInvariant()] = value;
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonical = $"{method.Method}\n{CanonicalPath(uri)}\n{CanonicalQuery(uri.Query, skipSignature: false)}\n" +
            string.Concat(headers.Select(h => $"{h.Key}:{h.Value.Trim()}\n")) + $"\n{signedHeaders}\n{payloadHash}";
        var signature = SignatureOf(canonical);

        var request = new HttpRequestMessage(method, uri) { Content = new ByteArrayContent(body) };
        foreach (var (name, value) in headers)
        {
            if (name == "host")
            {
                request.Headers.Host = value;
            }
            else if (name.StartsWith("content-", StringComparison.Ordinal))
            {
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={credentials.AccessKeyId}/{Scope}, SignedHeaders={signedHeaders}, Signature={signature}");
        return request;
    }

    /// <summary>A presigned URL (query authentication, <c>UNSIGNED-PAYLOAD</c>, host signed) for <paramref name="uri"/>.</summary>
    public Uri Presign(HttpMethod method, Uri uri, int expiresSeconds)
    {
        var query = new StringBuilder(uri.Query.TrimStart('?'));
        void Add(string name, string value) =>
            query.Append(query.Length > 0 ? "&" : "").Append(name).Append('=').Append(Uri.EscapeDataString(value));
        Add("X-Amz-Algorithm", "AWS4-HMAC-SHA256");
        Add("X-Amz-Credential", $"{credentials.AccessKeyId}/{Scope}");
        Add("X-Amz-Date", AmzDate);
        Add("X-Amz-Expires", expiresSeconds.ToString(CultureInfo.InvariantCulture));
        if (SendSessionToken && credentials.SessionToken is not null)
        {
            Add("X-Amz-Security-Token", credentials.SessionToken);
        }

        Add("X-Amz-SignedHeaders", "host");
        var unsigned = new UriBuilder(uri) { Query = query.ToString() }.Uri;
        var canonical = $"{method.Method}\n{CanonicalPath(unsigned)}\n{CanonicalQuery(unsigned.Query, skipSignature: true)}\nhost:{uri.Authority}\n\nhost\nUNSIGNED-PAYLOAD";
        return new UriBuilder(unsigned) { Query = query + "&X-Amz-Signature=" + SignatureOf(canonical) }.Uri;
    }

    /// <summary>Signature of one <c>aws-chunked</c> chunk chained from <paramref name="previous"/>.</summary>
    public string ChunkSignature(string previous, ReadOnlySpan<byte> data) =>
        Hex(HMACSHA256.HashData(SigningKey(), Encoding.UTF8.GetBytes(
            $"AWS4-HMAC-SHA256-PAYLOAD\n{AmzDate}\n{Scope}\n{previous}\n{Hex(SHA256.HashData([]))}\n{Hex(SHA256.HashData(data))}")));

    /// <summary>The seed signature of a signed request (from its Authorization header).</summary>
    public static string SeedSignature(HttpRequestMessage request) =>
        request.Headers.GetValues("Authorization").Single().Split("Signature=")[1];

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    private string SignatureOf(string canonical)
    {
        var stringToSign = $"AWS4-HMAC-SHA256\n{AmzDate}\n{Scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        return Hex(HMACSHA256.HashData(SigningKey(), Encoding.UTF8.GetBytes(stringToSign)));
    }

    private byte[] SigningKey()
    {
        var key = Encoding.UTF8.GetBytes("AWS4" + credentials.SecretAccessKey);
        foreach (var part in new[] { AmzDate[..8], Region, Service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        return key;
    }

    /// <summary>S3 signs the path as sent; other services sign it encoded once more.</summary>
    private string CanonicalPath(Uri uri) =>
        Service == "s3" ? uri.AbsolutePath : string.Join('/', uri.AbsolutePath.Split('/').Select(Uri.EscapeDataString));

    private static string CanonicalQuery(string query, bool skipSignature) => string.Join('&', query.TrimStart('?')
        .Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2))
        .Select(p => (Name: Uri.EscapeDataString(Uri.UnescapeDataString(p[0])), Value: Uri.EscapeDataString(Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))))
        .Where(p => !(skipSignature && p.Name == "X-Amz-Signature"))
        .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
        .Select(p => $"{p.Name}={p.Value}"));
}
