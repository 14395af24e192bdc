using DirectAccess.Functions.Contracts;
using DirectAccess.Functions.Worker.Context;
using DirectAccess.Functions.Worker.Functions;

namespace DirectAccess.Functions.Handlers;

/// <summary>
/// <c>WhoAmI</c>: echoes the caller's Cognito identity as Lambda delivered it (<c>Lambda-Runtime-Cognito-Identity</c>)
/// and which function answered. The payload is ignored, so a caller cannot claim another identity.
/// </summary>
public sealed class WhoAmIFunction : IFunction<WhoAmIRequest, WhoAmIResponse>
{
    /// <inheritdoc />
    public Task<WhoAmIResponse> RunAsync(WhoAmIRequest request, FunctionContext context) =>
        Task.FromResult(new WhoAmIResponse(
            context.Identity?.IdentityId,
            context.Identity?.IdentityPoolId,
            context.FunctionName,
            context.FunctionVersion,
            context.AwsRequestId));
}
