using DirectAccess.Local.Identity.Protocol;
using DirectAccess.Local.Identity.Tokens;
using DirectAccess.Local.Model;

namespace DirectAccess.Local.Identity.Identities;

/// <summary>
/// Checks a request's <c>Logins</c> map against an identity pool (REFERENCE §1): no logins on a pool without
/// unauthenticated access → "Unauthenticated access is not supported for this identity pool."; a key that is not one
/// of the pool's providers → "Token is not from a supported provider of this identity pool."; every token validated
/// by <see cref="UserPoolTokenValidator"/> against that provider's client ids.
/// </summary>
public sealed class PoolLogins(UserPoolTokenValidator validator)
{
    /// <summary>The validated logins, ordered by provider name; at least one.</summary>
    /// <exception cref="IdentityPoolException"><c>NotAuthorizedException</c> as described.</exception>
    public IReadOnlyList<ValidatedLogin> Validate(IdentityPoolModel pool, IReadOnlyDictionary<string, string> logins)
    {
        if (logins.Count == 0)
        {
            // The template loader refuses pools that allow unauthenticated identities, so no login means no access.
            throw IdentityPoolException.NotAuthorized("Unauthenticated access is not supported for this identity pool.");
        }

        var validated = new List<ValidatedLogin>(logins.Count);
        foreach (var (provider, token) in logins.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            var clientIds = pool.Providers.Where(p => p.ProviderName == provider).Select(p => p.ClientId).ToArray();
            if (clientIds.Length == 0)
            {
                throw IdentityPoolException.NotAuthorized("Token is not from a supported provider of this identity pool.");
            }

            validated.Add(validator.Validate(provider, token, clientIds));
        }

        return validated;
    }
}
