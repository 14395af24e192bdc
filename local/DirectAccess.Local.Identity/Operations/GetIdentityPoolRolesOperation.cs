using System.Text.Json.Nodes;
using DirectAccess.Local.Identity.Protocol;

namespace DirectAccess.Local.Identity.Operations;

/// <summary>
/// <c>GetIdentityPoolRoles {IdentityPoolId} → {IdentityPoolId, Roles{authenticated?, unauthenticated?},
/// RoleMappings{&lt;provider:client&gt;: {Type, AmbiguousRoleResolution, RulesConfiguration?{Rules[{Claim,
/// MatchType, Value, RoleARN}]}}}}</c>. Administrator only (SigV4).
/// </summary>
public sealed class GetIdentityPoolRolesOperation(IdentityPoolDirectory pools, AdministratorGate administrator) : IIdentityPoolOperation
{
    /// <inheritdoc />
    public string Name => "GetIdentityPoolRoles";

    /// <inheritdoc />
    public JsonObject Execute(IdentityPoolCall call)
    {
        var poolId = call.Input.RequiredString("IdentityPoolId", 1, 55, JsonRequest.IdPattern());
        administrator.Demand(call, Name, poolId);
        var pool = pools.Get(poolId);
        var roles = new JsonObject();
        if (pool.AuthenticatedRoleArn is not null)
        {
            roles["authenticated"] = pool.AuthenticatedRoleArn;
        }

        if (pool.UnauthenticatedRoleArn is not null)
        {
            roles["unauthenticated"] = pool.UnauthenticatedRoleArn;
        }

        var mappings = new JsonObject();
        foreach (var mapping in pool.RoleMappings)
        {
            var entry = new JsonObject { ["Type"] = mapping.Type, ["AmbiguousRoleResolution"] = mapping.AmbiguousRoleResolution };
            if (mapping.Type == "Rules")
            {
                entry["RulesConfiguration"] = new JsonObject
                {
                    ["Rules"] = new JsonArray(mapping.Rules.Select(r => (JsonNode)new JsonObject
                    {
                        ["Claim"] = r.Claim, ["MatchType"] = r.MatchType, ["Value"] = r.Value, ["RoleARN"] = r.RoleArn,
                    }).ToArray()),
                };
            }

            mappings[mapping.IdentityProvider] = entry;
        }

        return new JsonObject { ["IdentityPoolId"] = pool.Id, ["Roles"] = roles, ["RoleMappings"] = mappings };
    }
}
