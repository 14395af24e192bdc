using System.Text.Json;
using System.Text.Json.Nodes;
using DirectAccess.Local.Hosting;
using DirectAccess.Local.Model;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.UserPools.Protocol;

/// <summary>
/// The user pools' JSON 1.1 endpoint: <c>POST /</c> with <c>X-Amz-Target: AWSCognitoIdentityProviderService.&lt;Op&gt;</c>
/// (botocore model <c>cognito-idp/2016-04-18</c>). Responses are <c>application/x-amz-json-1.1</c> with
/// <c>x-amzn-RequestId</c>; errors are HTTP 400 (500 for internal errors) with <c>x-amzn-ErrorType</c> and
/// <c>{"__type":..., "message":...}</c>. Unknown targets get <c>UnknownOperationException</c>.
/// </summary>
public sealed class CognitoJsonHandler(IEnumerable<ICognitoOperation> operations, AdministratorCheck administrator, StackModel stack,
    LocalCloudOptions options)
    : IAwsServiceHandler
{
    /// <summary>The <c>X-Amz-Target</c> prefix of this service.</summary>
    public const string TargetPrefix = "AWSCognitoIdentityProviderService.";

    private const int MaxBodyBytes = 1 << 20;
    private readonly Dictionary<string, ICognitoOperation> _operations = operations.ToDictionary(o => o.Name, StringComparer.Ordinal);

    /// <inheritdoc />
    public string Name => "cognito-idp";

    /// <inheritdoc />
    public bool CanHandle(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.Headers["X-Amz-Target"].ToString().StartsWith(TargetPrefix, StringComparison.Ordinal);

    /// <inheritdoc />
    public async Task HandleAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString();
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        try
        {
            var operationName = context.Request.Headers["X-Amz-Target"].ToString()[TargetPrefix.Length..];
            if (!_operations.TryGetValue(operationName, out var operation))
            {
                throw new CognitoException("UnknownOperationException", $"Operation {operationName} is not supported by the local user pools.");
            }

            var body = await ReadBodyAsync(context.Request);
            var json = Parse(body);
            if (operation.RequiresAdministrator)
            {
                var poolId = json.TryGetProperty("UserPoolId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : "";
                administrator.Demand(context.Request, body, operation.Name,
                    $"arn:aws:cognito-idp:{stack.Region}:{stack.AccountId}:userpool/{poolId}");
            }

            var response = await operation.ExecuteAsync(new CognitoRequest(json, context));
            await WriteAsync(context, StatusCodes.Status200OK, response);
        }
        catch (CognitoException error)
        {
            await WriteErrorAsync(context, error);
        }
        catch (Exception unexpected) when (unexpected is not OperationCanceledException)
        {
            // A bug must still answer in AWS's shape (and never as a success); the details go to the local log.
            LocalLog.Write(options, $"cognito-idp: internal error {requestId}: {unexpected}");
            await WriteErrorAsync(context, new CognitoException("InternalErrorException", "An internal error occurred.", 500));
        }
    }

    private static Task WriteErrorAsync(HttpContext context, CognitoException error)
    {
        context.Response.Headers["x-amzn-ErrorType"] = error.ErrorType;
        return WriteAsync(context, error.StatusCode, new JsonObject { ["__type"] = error.ErrorType, ["message"] = error.Message });
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw CognitoException.InvalidParameter("Request body too large.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw CognitoException.InvalidParameter("Request body too large.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static JsonElement Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new CognitoException("SerializationException", "Request body must be a JSON object.");
        }
        catch (JsonException)
        {
            throw new CognitoException("SerializationException", "Request body is not valid JSON.");
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/x-amz-json-1.1";
        await context.Response.WriteAsync(body.ToJsonString());
    }
}
