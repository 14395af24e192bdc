using DirectAccess.Local.Hosting;
using DirectAccess.Local.Identity.Operations;
using DirectAccess.Local.Identity.Protocol;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Identity;

/// <summary>
/// The Cognito identity pool endpoint (JSON 1.1, REFERENCE §1): <c>POST /</c> with
/// <c>X-Amz-Target: AWSCognitoIdentityService.&lt;Op&gt;</c>. Unknown operations are <c>UnknownOperationException</c>;
/// every failure is a JSON error with <c>__type</c> and <c>x-amzn-ErrorType</c>.
/// </summary>
public sealed class CognitoIdentityHandler(IEnumerable<IIdentityPoolOperation> operations) : IAwsServiceHandler
{
    /// <summary>The <c>X-Amz-Target</c> prefix (botocore <c>targetPrefix</c>).</summary>
    public const string TargetPrefix = "AWSCognitoIdentityService.";

    private readonly Dictionary<string, IIdentityPoolOperation> _operations = operations.ToDictionary(o => o.Name, StringComparer.Ordinal);

    /// <inheritdoc />
    public string Name => "cognito-identity";

    /// <inheritdoc />
    public bool CanHandle(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.Headers["X-Amz-Target"].ToString().StartsWith(TargetPrefix, StringComparison.Ordinal);

    /// <inheritdoc />
    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            var target = context.Request.Headers["X-Amz-Target"].ToString()[TargetPrefix.Length..];
            if (!_operations.TryGetValue(target, out var operation))
            {
                throw new IdentityPoolException("UnknownOperationException", $"Operation {target} is not supported by the local cloud.");
            }

            var body = await RequestBody.ReadAsync(context.Request);
            var result = operation.Execute(new IdentityPoolCall(context.Request, body, JsonRequest.Parse(body)));
            await JsonResponses.WriteAsync(context, result);
        }
        catch (IdentityPoolException error)
        {
            await JsonResponses.WriteErrorAsync(context, error);
        }
    }
}
