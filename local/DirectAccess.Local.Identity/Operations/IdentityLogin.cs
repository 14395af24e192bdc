using DirectAccess.Local.Identity.Identities;
using DirectAccess.Local.Identity.Protocol;
using DirectAccess.Local.Identity.Tokens;
using DirectAccess.Local.Model;

namespace DirectAccess.Local.Identity.Operations;

/// <summary>
/// The shared first half of <c>GetCredentialsForIdentity</c> and <c>GetOpenIdToken</c>: the identity exists
/// (<c>ResourceNotFoundException</c> "Identity '&lt;id&gt;' not found."), and the request's <c>Logins</c> validate and
/// include the identity's own login (else "Logins don't match. Please include at least one valid login for this
/// identity or identity pool.").
/// </summary>
public sealed class IdentityLogin(IdentityPoolDirectory pools, PoolLogins logins, IdentityRepository identities)
{
    /// <summary>The identity, its pool and the matching validated login.</summary>
    public (IdentityRecord Identity, IdentityPoolModel Pool, ValidatedLogin Login) Authenticate(IdentityPoolCall call, Action<IdentityPoolModel>? checkPool = null)
    {
        var identityId = call.Input.RequiredString("IdentityId", 1, 55, JsonRequest.IdPattern());
        var identity = identities.Find(identityId) ?? throw IdentityPoolException.NotFound($"Identity '{identityId}' not found.");
        var pool = pools.Get(identity.IdentityPoolId);
        checkPool?.Invoke(pool);
        var login = logins.Validate(pool, call.Input.Map("Logins", 10))
            .FirstOrDefault(l => l.ProviderName == identity.ProviderName && l.Sub == identity.Subject)
            ?? throw IdentityPoolException.NotAuthorized("Logins don't match. Please include at least one valid login for this identity or identity pool.");
        return (identity, pool, login);
    }
}
