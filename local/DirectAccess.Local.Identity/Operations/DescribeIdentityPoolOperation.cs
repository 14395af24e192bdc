using System.Text.Json.Nodes;
using DirectAccess.Local.Identity.Protocol;

namespace DirectAccess.Local.Identity.Operations;

/// <summary>
/// <c>DescribeIdentityPool {IdentityPoolId} → IdentityPool{IdentityPoolId, IdentityPoolName,
/// AllowUnauthenticatedIdentities, AllowClassicFlow, CognitoIdentityProviders[{ProviderName, ClientId,
/// ServerSideTokenCheck}]}</c>. Administrator only (SigV4).
/// </summary>
public sealed class DescribeIdentityPoolOperation(IdentityPoolDirectory pools, AdministratorGate administrator) : IIdentityPoolOperation
{
    /// <inheritdoc />
    public string Name => "DescribeIdentityPool";

    /// <inheritdoc />
    public JsonObject Execute(IdentityPoolCall call)
    {
        var poolId = call.Input.RequiredString("IdentityPoolId", 1, 55, JsonRequest.IdPattern());
        administrator.Demand(call, Name, poolId);
        var pool = pools.Get(poolId);
        return new JsonObject
        {
            ["IdentityPoolId"] = pool.Id,
            ["IdentityPoolName"] = pool.Name,
            ["AllowUnauthenticatedIdentities"] = pool.AllowUnauthenticatedIdentities,
            ["AllowClassicFlow"] = pool.AllowClassicFlow,
            ["CognitoIdentityProviders"] = new JsonArray(pool.Providers.Select(p => (JsonNode)new JsonObject
            {
                ["ProviderName"] = p.ProviderName,
                ["ClientId"] = p.ClientId,
                ["ServerSideTokenCheck"] = p.ServerSideTokenCheck,
            }).ToArray()),
        };
    }
}
