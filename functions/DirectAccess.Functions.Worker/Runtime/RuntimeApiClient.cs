using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DirectAccess.Functions.Worker.Invocation;
using DirectAccess.Functions.Worker.Serialization;

namespace DirectAccess.Functions.Worker.Runtime;

/// <summary>
/// A client of the Lambda Runtime API at <c>http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01</c> (AWS Lambda developer
/// guide, "Using the Lambda runtime API for custom runtimes"): <c>GET /runtime/invocation/next</c> as a long poll with
/// no client timeout, <c>POST /runtime/invocation/&lt;id&gt;/response</c>, <c>.../error</c> and
/// <c>/runtime/init/error</c>. Status 500 ("container error") and any other unexpected status throw
/// <see cref="RuntimeApiException"/>; 4xx on a response or error post (e.g. 413 payload too large) is Lambda's own
/// verdict on that invocation and is returned to the caller to log.
/// </summary>
internal sealed class RuntimeApiClient : IDisposable
{
    private const string ErrorContentType = "application/vnd.aws.lambda.error+json";

    private readonly HttpClient _http;

    /// <summary>Creates a client for <paramref name="runtimeApi"/> (<c>host:port</c>, as in <c>AWS_LAMBDA_RUNTIME_API</c>).</summary>
    /// <exception cref="ArgumentException">The value is not a usable <c>host:port</c>.</exception>
    public RuntimeApiClient(string runtimeApi)
    {
        if (!Uri.TryCreate($"http://{runtimeApi}/2018-06-01/", UriKind.Absolute, out var baseAddress) || baseAddress.AbsolutePath != "/2018-06-01/")
        {
            throw new ArgumentException($"AWS_LAMBDA_RUNTIME_API '{runtimeApi}' is not host:port.", nameof(runtimeApi));
        }

        // No proxy (the Runtime API is always local), no redirects, and no overall timeout: /next blocks until an
        // invocation arrives, which may be hours.
        var handler = new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(10) };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Waits for the next invocation.</summary>
    /// <exception cref="RuntimeApiException">A status other than 200, or no request id.</exception>
    public async Task<NextInvocation> GetNextAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync("runtime/invocation/next", HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            .ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new RuntimeApiException($"GET /runtime/invocation/next answered {(int)response.StatusCode}.");
        }

        var payload = await ReadPayloadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        try
        {
            return new NextInvocation(RuntimeHeaders.Parse(response.Headers), null, payload);
        }
        catch (InvalidInvocationException refusal)
        {
            return new NextInvocation(null, refusal, payload);
        }
    }

    /// <summary>Posts a successful response; returns the HTTP status (202 expected, 4xx when Lambda refused it).</summary>
    public async Task<HttpStatusCode> PostResponseAsync(string awsRequestId, MemoryStream body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body.GetBuffer(), 0, checked((int)body.Length));
        return await PostAsync($"runtime/invocation/{Uri.EscapeDataString(awsRequestId)}/response", content, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Posts a function error for one invocation; returns the HTTP status (202 expected).</summary>
    public Task<HttpStatusCode> PostErrorAsync(string awsRequestId, FunctionError error, CancellationToken cancellationToken) =>
        PostErrorDocumentAsync($"runtime/invocation/{Uri.EscapeDataString(awsRequestId)}/error", error, cancellationToken);

    /// <summary>Posts an initialization error (the runtime then exits non-zero); returns the HTTP status (202 expected).</summary>
    public Task<HttpStatusCode> PostInitErrorAsync(FunctionError error, CancellationToken cancellationToken) =>
        PostErrorDocumentAsync("runtime/init/error", error, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<HttpStatusCode> PostErrorDocumentAsync(string path, FunctionError error, CancellationToken cancellationToken)
    {
        var document = new RuntimeErrorDocument(error.ErrorMessage, error.ErrorType, error.StackTrace);
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(document, RuntimeJsonContext.Default.RuntimeErrorDocument));
        content.Headers.ContentType = new MediaTypeHeaderValue(ErrorContentType);
        content.Headers.TryAddWithoutValidation(RuntimeHeaders.FunctionErrorType, error.ErrorType);
        return await PostAsync(path, content, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpStatusCode> PostAsync(string path, HttpContent content, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync(path, content, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status >= 500 || status < 200 || (status >= 300 && status < 400))
        {
            throw new RuntimeApiException($"POST /{path} answered {status}.");
        }

        return response.StatusCode;
    }

    /// <summary>Reads the payload, refusing more than Lambda's 6 MB synchronous limit so memory stays bounded.</summary>
    private static async Task<MemoryStream> ReadPayloadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > ResponseBuffer.MaximumBytes)
        {
            throw new RuntimeApiException($"The Runtime API sent a payload of {declared} bytes, over the {ResponseBuffer.MaximumBytes}-byte limit.");
        }

        var buffer = new MemoryStream(checked((int)(declared ?? 0)));
        await using var source = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > ResponseBuffer.MaximumBytes)
            {
                throw new RuntimeApiException($"The Runtime API sent a payload over the {ResponseBuffer.MaximumBytes}-byte limit.");
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }
}
