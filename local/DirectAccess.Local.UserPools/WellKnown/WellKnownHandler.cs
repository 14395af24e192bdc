using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DirectAccess.Local.Hosting;
using DirectAccess.Local.UserPools.Tokens;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.UserPools.WellKnown;

/// <summary>
/// Serves each pool's <c>GET /&lt;poolId&gt;/.well-known/jwks.json</c> (<c>{"keys":[JWK]}</c>) and
/// <c>GET /&lt;poolId&gt;/.well-known/openid-configuration</c> (Cognito developer guide, "Verifying a JSON web token";
/// OpenID Connect Discovery 1.0). The issuer is AWS's; <c>jwks_uri</c> points at this local endpoint. Unknown pool:
/// 404 <c>ResourceNotFoundException</c>.
/// </summary>
public sealed partial class WellKnownHandler(UserPoolDirectory pools, SigningKeyStore keys) : IAwsServiceHandler
{
    /// <inheritdoc />
    public string Name => "cognito-idp-well-known";

    /// <inheritdoc />
    public bool CanHandle(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && Path().IsMatch(request.Path.Value ?? "");

    /// <inheritdoc />
    public async Task HandleAsync(HttpContext context)
    {
        var match = Path().Match(context.Request.Path.Value ?? "");
        var poolId = match.Groups["pool"].Value;
        var pool = pools.Pools.FirstOrDefault(p => p.Id == poolId);
        context.Response.ContentType = "application/json";
        if (pool is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync(new JsonObject
            {
                ["__type"] = "ResourceNotFoundException",
                ["message"] = $"User pool {poolId} does not exist.",
            }.ToJsonString());
            return;
        }

        var body = match.Groups["doc"].Value == "jwks.json"
            ? new JsonObject { ["keys"] = new JsonArray(keys.For(pool.Id).ToJwk()) }
            : OpenIdConfiguration(context.Request, pool);
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private JsonObject OpenIdConfiguration(HttpRequest request, DirectAccess.Local.Model.UserPoolModel pool) => new()
    {
        ["issuer"] = pool.Issuer(pools.Region),
        ["jwks_uri"] = $"{request.Scheme}://{request.Host}/{pool.Id}/.well-known/jwks.json",
        ["subject_types_supported"] = new JsonArray("public"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["response_types_supported"] = new JsonArray("code", "token"),
        ["scopes_supported"] = new JsonArray("openid", "email", "phone", "profile"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_basic", "client_secret_post"),
    };

    // Pool ids look like <region>_<alphanumerics> (REFERENCE.md §3: ^[\w-]+_[0-9a-zA-Z]+$).
    [GeneratedRegex(@"^/(?<pool>[\w-]+_[0-9a-zA-Z]+)/\.well-known/(?<doc>jwks\.json|openid-configuration)$")]
    private static partial Regex Path();
}
