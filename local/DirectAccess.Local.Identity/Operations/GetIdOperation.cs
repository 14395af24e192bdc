using System.Text.Json.Nodes;
using DirectAccess.Local.Identity.Identities;
using DirectAccess.Local.Identity.Protocol;

namespace DirectAccess.Local.Identity.Operations;

/// <summary>
/// <c>GetId {IdentityPoolId, AccountId?, Logins?} → {IdentityId}</c>: validates the login and returns the user's
/// identity in the pool, creating it on first sign-in (the same user always gets the same id).
/// </summary>
public sealed class GetIdOperation(IdentityPoolDirectory pools, PoolLogins logins, IdentityRepository identities) : IIdentityPoolOperation
{
    /// <inheritdoc />
    public string Name => "GetId";

    /// <inheritdoc />
    public JsonObject Execute(IdentityPoolCall call)
    {
        var poolId = call.Input.RequiredString("IdentityPoolId", 1, 55, JsonRequest.IdPattern());
        call.Input.String("AccountId", 1, 15);
        var login = logins.Validate(pools.Get(poolId), call.Input.Map("Logins", 10))[0];
        var identity = identities.GetOrCreate(poolId, login.ProviderName, login.Sub);
        return new JsonObject { ["IdentityId"] = identity.IdentityId };
    }
}
