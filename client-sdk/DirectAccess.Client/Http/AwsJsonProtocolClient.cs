using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Amazon.Runtime;
using DirectAccess.Client.Errors;

namespace DirectAccess.Client.Http;

/// <summary>
/// The AWS JSON 1.1 protocol (Cognito user pools and identity pools): <c>POST /</c>, <c>X-Amz-Target:
/// &lt;prefix&gt;.&lt;Operation&gt;</c>, <c>application/x-amz-json-1.1</c> bodies, errors as
/// <c>{"__type","message"}</c> with <c>x-amzn-ErrorType</c>. Optionally SigV4-signed (admin operations).
/// </summary>
internal sealed class AwsJsonProtocolClient
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
    };

    private static readonly MediaTypeHeaderValue ContentType = new("application/x-amz-json-1.1");

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _targetPrefix;
    private readonly string _service;
    private readonly string _region;
    private readonly ClockSkew _skew;
    private readonly AWSCredentials? _signingCredentials;

    public AwsJsonProtocolClient(HttpClient http, Uri endpoint, string targetPrefix, string service, string region, ClockSkew skew, AWSCredentials? signingCredentials = null)
    {
        _http = http;
        _endpoint = endpoint;
        _targetPrefix = targetPrefix;
        _service = service;
        _region = region;
        _skew = skew;
        _signingCredentials = signingCredentials;
    }

    /// <summary>Calls <paramref name="operation"/>; throws the typed <see cref="DirectAccessServiceException"/> for any error response.</summary>
    public async Task<TResponse> SendAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, Json);
        using var message = new HttpRequestMessage(HttpMethod.Post, _endpoint);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", $"{_targetPrefix}.{operation}");
        message.Content = new ByteArrayContent(body);
        message.Content.Headers.ContentType = ContentType;
        if (_signingCredentials is not null)
        {
            var credentials = await _signingCredentials.GetCredentialsAsync().ConfigureAwait(false);
            SigV4Signer.Sign(message, body, credentials, _region, _service, _skew.ServerUtcNow);
        }

        using var response = await _http.SendAsync(message, ct).ConfigureAwait(false);
        _skew.Observe(response.Headers.Date);
        var responseBody = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        var requestId = RequestIdOf(response);
        if (!response.IsSuccessStatusCode)
        {
            throw ParseError(response, responseBody, requestId, _service);
        }

        try
        {
            return JsonSerializer.Deserialize<TResponse>(responseBody.Length == 0 ? "{}"u8 : responseBody, Json)
                ?? throw new JsonException("null body");
        }
        catch (JsonException e)
        {
            throw new DirectAccessServiceException("InvalidResponse", $"{operation} answered with a body that is not the expected JSON: {e.Message}", requestId, response.StatusCode, _service, e);
        }
    }

    internal static string? RequestIdOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault()
        : response.Headers.TryGetValues("x-amz-request-id", out var s3Ids) ? s3Ids.FirstOrDefault()
        : null;

    /// <summary>Reads <c>__type</c>/<c>code</c> and <c>message</c>/<c>Message</c> (both casings occur), falling back to <c>x-amzn-ErrorType</c>.</summary>
    internal static DirectAccessServiceException ParseError(HttpResponseMessage response, byte[] body, string? requestId, string service)
    {
        string? code = null;
        string? message = null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in doc.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        continue;
                    }

                    switch (property.Name.ToLowerInvariant())
                    {
                        case "__type" or "code":
                            code ??= property.Value.GetString();
                            break;
                        case "message" or "errormessage":
                            message ??= property.Value.GetString();
                            break;
                    }
                }
            }
        }
        catch (JsonException)
        {
            message = Encoding.UTF8.GetString(body);
        }

        if (response.Headers.TryGetValues("x-amzn-ErrorType", out var types))
        {
            code ??= types.FirstOrDefault();
        }

        code = ServiceErrors.NormalizeCode(code ?? (response.StatusCode == HttpStatusCode.Forbidden ? "AccessDeniedException" : $"Http{(int)response.StatusCode}"));
        return ServiceErrors.Create(code, message ?? response.ReasonPhrase ?? "", requestId, response.StatusCode, service);
    }
}
