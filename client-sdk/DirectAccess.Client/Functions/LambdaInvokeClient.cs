using System.Net.Http.Headers;
using System.Text;
using Amazon.Runtime;
using DirectAccess.Client.Errors;
using DirectAccess.Client.Http;

namespace DirectAccess.Client.Functions;

/// <summary>
/// Thin typed Lambda <c>Invoke</c> client (REST-JSON, <c>POST /2015-03-31/functions/&lt;name&gt;/invocations</c>),
/// signed with SigV4 (service <c>lambda</c>) using the caller's credentials — e.g. the session's identity-pool
/// credentials, so IAM decides <c>lambda:InvokeFunction</c> and the function sees the caller's Cognito identity.
/// Shaped like <c>AmazonLambdaClient.InvokeAsync</c>.
/// </summary>
public sealed class LambdaInvokeClient
{
    /// <summary>Synchronous (<c>RequestResponse</c>) payload limit in bytes: 6 MB (Lambda quotas).</summary>
    public const int MaxSyncPayloadBytes = 6 * 1024 * 1024;

    /// <summary>Asynchronous (<c>Event</c>) payload limit in bytes: 1 MB (Lambda quotas, since 2025; was 256 KB).</summary>
    public const int MaxEventPayloadBytes = 1024 * 1024;

    private static readonly MediaTypeHeaderValue JsonType = new("application/json");

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _region;
    private readonly AWSCredentials _credentials;
    private readonly ClockSkew _skew;

    /// <summary>Creates the client.</summary>
    /// <param name="http">Shared HTTP client.</param>
    /// <param name="endpoint">Lambda endpoint (AWS's or the local cloud's).</param>
    /// <param name="region">Signing region.</param>
    /// <param name="credentials">Signing credentials (refreshed by their provider).</param>
    /// <param name="skew">Clock skew tracker (signing time = server time).</param>
    public LambdaInvokeClient(HttpClient http, Uri endpoint, string region, AWSCredentials credentials, ClockSkew skew)
    {
        _http = http;
        _endpoint = endpoint;
        _region = region;
        _credentials = credentials;
        _skew = skew;
    }

    /// <summary>Invokes; returns the response even for function errors.</summary>
    /// <exception cref="PayloadTooLargeException">Payload over the limit for the invocation type (checked before sending).</exception>
    /// <exception cref="AccessDeniedException">IAM refused <c>lambda:InvokeFunction</c> (reason text included).</exception>
    /// <exception cref="DirectAccessServiceException">Any other Lambda error (<c>ResourceNotFoundException</c>, <c>ExpiredTokenException</c>, ...).</exception>
    public async Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken ct = default)
    {
        var limit = request.InvocationType == "Event" ? MaxEventPayloadBytes : MaxSyncPayloadBytes;
        if (request.Payload.Length > limit)
        {
            throw new PayloadTooLargeException(request.Payload.Length, limit);
        }

        var path = $"{_endpoint.AbsolutePath.TrimEnd('/')}/2015-03-31/functions/{Uri.EscapeDataString(request.FunctionName)}/invocations";
        var query = request.Qualifier is null ? "" : "?Qualifier=" + Uri.EscapeDataString(request.Qualifier);
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri($"{_endpoint.Scheme}://{_endpoint.Authority}{path}{query}"));
        message.Content = new ReadOnlyMemoryContent(request.Payload);
        message.Content.Headers.ContentType = JsonType;
        message.Headers.TryAddWithoutValidation("X-Amz-Invocation-Type", request.InvocationType);
        if (request.LogType is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Amz-Log-Type", request.LogType);
        }

        if (request.ClientContextBase64 is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Amz-Client-Context", request.ClientContextBase64);
        }

        var credentials = await _credentials.GetCredentialsAsync().ConfigureAwait(false);
        SigV4Signer.Sign(message, request.Payload.Span, credentials, _region, "lambda", _skew.ServerUtcNow);
        using var response = await _http.SendAsync(message, ct).ConfigureAwait(false);
        _skew.Observe(response.Headers.Date);
        var body = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        var requestId = AwsJsonProtocolClient.RequestIdOf(response);
        if (!response.IsSuccessStatusCode)
        {
            throw AwsJsonProtocolClient.ParseError(response, body, requestId, "lambda");
        }

        string? Header(string name) => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
        var log = Header("X-Amz-Log-Result");
        return new InvokeResponse
        {
            StatusCode = (int)response.StatusCode,
            FunctionError = Header("X-Amz-Function-Error"),
            LogResult = log is null ? null : DecodeLog(log),
            ExecutedVersion = Header("X-Amz-Executed-Version"),
            RequestId = requestId,
            Payload = body,
        };
    }

    private static string DecodeLog(string base64)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return base64;
        }
    }
}
