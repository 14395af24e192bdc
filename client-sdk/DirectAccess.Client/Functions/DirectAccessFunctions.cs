using System.Text.Json;
using DirectAccess.Client.Config;
using DirectAccess.Client.Errors;

namespace DirectAccess.Client.Functions;

/// <summary>
/// Typed Lambda invoke for the signed-in user. Logical names map to deployed names through the configuration's
/// <c>&lt;Name&gt;FunctionName</c> outputs (<c>"ProcessUpload"</c> → <c>ProcessUploadFunctionName</c>); other names
/// are used as given. Payloads are JSON via System.Text.Json with web defaults (camelCase, case-insensitive read).
/// </summary>
public sealed class DirectAccessFunctions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly LambdaInvokeClient _lambda;
    private readonly DirectAccessConfig _config;

    internal DirectAccessFunctions(LambdaInvokeClient lambda, DirectAccessConfig config)
    {
        _lambda = lambda;
        _config = config;
    }

    /// <summary>The underlying client, for raw invokes.</summary>
    public LambdaInvokeClient Lambda => _lambda;

    /// <summary>Invokes synchronously and returns the typed response.</summary>
    /// <exception cref="FunctionErrorException">The function failed (errorType, errorMessage, stack trace).</exception>
    /// <exception cref="AccessDeniedException">IAM refused (reason text).</exception>
    /// <exception cref="PayloadTooLargeException">Request over 6 MB (nothing sent).</exception>
    /// <exception cref="JsonException">The response is not JSON of <typeparamref name="TResponse"/>.</exception>
    public async Task<TResponse> InvokeAsync<TRequest, TResponse>(string name, TRequest payload, CancellationToken ct = default) =>
        (await InvokeAsync<TRequest, TResponse>(name, payload, new InvokeOptions(), ct).ConfigureAwait(false)).Payload;

    /// <summary>Invokes synchronously with options (log tail, qualifier); same errors as the short overload.</summary>
    public async Task<InvokeResult<TResponse>> InvokeAsync<TRequest, TResponse>(string name, TRequest payload, InvokeOptions options, CancellationToken ct = default)
    {
        var functionName = _config.ResolveFunctionName(name);
        var response = await _lambda.InvokeAsync(new InvokeRequest
        {
            FunctionName = functionName,
            Payload = JsonSerializer.SerializeToUtf8Bytes(payload, Json),
            LogType = options.TailLog ? "Tail" : null,
            Qualifier = options.Qualifier,
        }, ct).ConfigureAwait(false);
        if (response.FunctionError is not null)
        {
            throw ToFunctionError(functionName, response);
        }

        var result = JsonSerializer.Deserialize<TResponse>(response.Payload, Json)!;
        return new InvokeResult<TResponse>(result, response.RequestId, response.ExecutedVersion, response.LogResult);
    }

    /// <summary>Queues an asynchronous invocation (<c>Event</c>, HTTP 202); the result is not returned. Returns the request id.</summary>
    /// <exception cref="PayloadTooLargeException">Over 1 MB.</exception>
    public async Task<string?> InvokeEventAsync<TRequest>(string name, TRequest payload, CancellationToken ct = default)
    {
        var response = await _lambda.InvokeAsync(new InvokeRequest
        {
            FunctionName = _config.ResolveFunctionName(name),
            Payload = JsonSerializer.SerializeToUtf8Bytes(payload, Json),
            InvocationType = "Event",
        }, ct).ConfigureAwait(false);
        return response.RequestId;
    }

    private static FunctionErrorException ToFunctionError(string functionName, InvokeResponse response)
    {
        string errorType = "Unknown", errorMessage = "";
        var stack = new List<string>();
        try
        {
            using var doc = JsonDocument.Parse(response.Payload);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("errorType", out var t) && t.ValueKind == JsonValueKind.String)
                {
                    errorType = t.GetString()!;
                }

                if (root.TryGetProperty("errorMessage", out var m) && m.ValueKind == JsonValueKind.String)
                {
                    errorMessage = m.GetString()!;
                }

                if (root.TryGetProperty("stackTrace", out var s) && s.ValueKind == JsonValueKind.Array)
                {
                    stack.AddRange(s.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
                }
            }
        }
        catch (JsonException)
        {
            errorMessage = System.Text.Encoding.UTF8.GetString(response.Payload);
        }

        return new FunctionErrorException(functionName, response.FunctionError!, errorType, errorMessage, stack, response.RequestId, response.LogResult);
    }
}
