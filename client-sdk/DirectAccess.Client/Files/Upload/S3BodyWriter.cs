using System.Net.Http.Headers;
using Amazon.Runtime;
using DirectAccess.Checksums;
using DirectAccess.Client.Config;
using DirectAccess.Client.Http;

namespace DirectAccess.Client.Files.Upload;

/// <summary>
/// Sends object bodies (<c>PutObject</c>, <c>UploadPart</c>) straight over HTTP with SigV4 and
/// <c>x-amz-content-sha256: UNSIGNED-PAYLOAD</c> plus an <c>x-amz-checksum-&lt;alg&gt;</c> header. Why not the AWS SDK
/// for these two: over plain HTTP (the local endpoint) it insists on SHA-256 payload signing, a second full pass over
/// every byte; the flexible checksum S3 verifies server-side already protects the body (S3 user guide, "Checking
/// object integrity"), so one pass suffices. Everything else goes through <c>AmazonS3Client</c>.
/// </summary>
internal sealed class S3BodyWriter
{
    private readonly HttpClient _http;
    private readonly AWSCredentials _credentials;
    private readonly DirectAccessConfig _config;
    private readonly ClockSkew _skew;
    private readonly Uri? _endpoint;

    public S3BodyWriter(HttpClient http, AWSCredentials credentials, DirectAccessConfig config, ClockSkew skew)
    {
        _http = http;
        _credentials = credentials;
        _config = config;
        _skew = skew;
        _endpoint = config.EndpointFor("s3");
    }

    /// <summary>PUT of one part (<paramref name="partNumber"/> ≥ 1 with <paramref name="uploadId"/>) or a whole object (both null). Returns the ETag and the checksum S3 echoed.</summary>
    public async Task<(string ETag, string? Checksum)> PutAsync(string bucket, string key, ReadOnlyMemory<byte> body, string checksumAlgorithm, string checksumBase64,
        int? partNumber, string? uploadId, string? contentType, CancellationToken ct)
    {
        var (uri, canonicalPath) = ObjectUri(bucket, key, partNumber is null ? null : $"partNumber={partNumber}&uploadId={Uri.EscapeDataString(uploadId!)}");
        using var request = new HttpRequestMessage(HttpMethod.Put, uri);
        request.Content = new ReadOnlyMemoryContent(body);
        request.Content.Headers.ContentLength = body.Length;
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        var checksumHeader = ChecksumAlgorithms.HeaderName(checksumAlgorithm);
        request.Headers.TryAddWithoutValidation(checksumHeader, checksumBase64);
        var credentials = await _credentials.GetCredentialsAsync().ConfigureAwait(false);
        SigV4Signer.Sign(request, "UNSIGNED-PAYLOAD", canonicalPath, credentials, _config.Region, "s3", _skew.ServerUtcNow);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        _skew.Observe(response.Headers.Date);
        if (!response.IsSuccessStatusCode)
        {
            throw S3ErrorParser.Parse(response, await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
        }

        var etag = response.Headers.ETag?.Tag
            ?? (response.Headers.TryGetValues("ETag", out var values) ? values.FirstOrDefault() : null)
            ?? throw new Errors.DirectAccessServiceException("InvalidResponse", "S3 answered PUT without an ETag.", AwsJsonProtocolClient.RequestIdOf(response), response.StatusCode, "s3");
        var echoed = response.Headers.TryGetValues(checksumHeader, out var sums) ? sums.FirstOrDefault() : null;
        return (etag, echoed);
    }

    /// <summary>
    /// <c>UploadPart</c> streamed from the file with a trailing checksum (<see cref="ChunkedTrailerContent"/>).
    /// Returns the ETag and the part's Base64 checksum.
    /// </summary>
    public async Task<(string ETag, string Checksum)> PutStreamingPartAsync(string bucket, string key, string uploadId, int partNumber,
        Microsoft.Win32.SafeHandles.SafeFileHandle file, long offset, int length, string checksumAlgorithm, CancellationToken ct)
    {
        var (uri, canonicalPath) = ObjectUri(bucket, key, $"partNumber={partNumber}&uploadId={Uri.EscapeDataString(uploadId)}");
        using var request = new HttpRequestMessage(HttpMethod.Put, uri);
        var content = new ChunkedTrailerContent(file, offset, length, checksumAlgorithm);
        request.Content = content;
        content.Headers.ContentEncoding.Add("aws-chunked");
        request.Headers.TryAddWithoutValidation("x-amz-decoded-content-length", length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("x-amz-trailer", content.TrailerName);
        var credentials = await _credentials.GetCredentialsAsync().ConfigureAwait(false);
        SigV4Signer.Sign(request, "STREAMING-UNSIGNED-PAYLOAD-TRAILER", canonicalPath, credentials, _config.Region, "s3", _skew.ServerUtcNow);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
        _skew.Observe(response.Headers.Date);
        if (!response.IsSuccessStatusCode)
        {
            throw S3ErrorParser.Parse(response, await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
        }

        var etag = response.Headers.ETag?.Tag
            ?? throw new Errors.DirectAccessServiceException("InvalidResponse", "S3 answered UploadPart without an ETag.", AwsJsonProtocolClient.RequestIdOf(response), response.StatusCode, "s3");
        return (etag, content.Checksum ?? throw new InvalidOperationException("part body was not sent"));
    }

    /// <summary>
    /// The object URL: path-style under an endpoint override (what the local cloud and most emulators need),
    /// virtual-hosted <c>https://&lt;bucket&gt;.s3.&lt;region&gt;.amazonaws.com/</c> on AWS. Each key segment is
    /// percent-encoded once; that encoded path is also S3's canonical URI.
    /// </summary>
    internal (Uri Uri, string CanonicalPath) ObjectUri(string bucket, string key, string? query)
    {
        var encodedKey = string.Join('/', key.Split('/').Select(Uri.EscapeDataString));
        string baseUrl;
        string path;
        if (_endpoint is not null)
        {
            var prefix = _endpoint.AbsolutePath.TrimEnd('/');
            path = $"{prefix}/{Uri.EscapeDataString(bucket)}/{encodedKey}";
            baseUrl = $"{_endpoint.Scheme}://{_endpoint.Authority}";
        }
        else
        {
            path = "/" + encodedKey;
            baseUrl = $"https://{bucket}.s3.{_config.Region}.amazonaws.com";
        }

        return (new Uri(baseUrl + path + (query is null ? "" : "?" + query)), path);
    }
}
