using System.Text.Json.Nodes;
using DirectAccess.Local.Identity.Protocol;
using DirectAccess.Local.Identity.Tokens;

namespace DirectAccess.Local.Identity.Operations;

/// <summary>
/// <c>GetOpenIdToken {IdentityId, Logins} → {IdentityId, Token}</c> (basic flow). Refused as REFERENCE §2 says, before
/// any token is looked at: a pool with <c>RoleMappings</c> → <c>InvalidParameterException</c> "Basic (classic) flow is
/// not supported with RoleMappings, please use enhanced flow."; a pool without <c>AllowClassicFlow</c> → "Basic
/// (classic) flow is not enabled, please use enhanced flow." Otherwise an <see cref="OpenIdTokens"/> token, 10 minutes.
/// </summary>
public sealed class GetOpenIdTokenOperation(IdentityLogin identityLogin, OpenIdTokens tokens) : IIdentityPoolOperation
{
    /// <inheritdoc />
    public string Name => "GetOpenIdToken";

    /// <inheritdoc />
    public JsonObject Execute(IdentityPoolCall call)
    {
        var (identity, pool, login) = identityLogin.Authenticate(call, pool =>
        {
            if (pool.RoleMappings.Count > 0)
            {
                throw IdentityPoolException.InvalidParameter("Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.");
            }

            if (!pool.AllowClassicFlow)
            {
                throw IdentityPoolException.InvalidParameter("Basic (classic) flow is not enabled, please use enhanced flow.");
            }
        });
        return new JsonObject
        {
            ["IdentityId"] = identity.IdentityId,
            ["Token"] = tokens.Issue(pool.Id, identity.IdentityId, login.Amr),
        };
    }
}
