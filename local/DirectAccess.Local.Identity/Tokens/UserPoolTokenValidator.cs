using DirectAccess.Local.Identity.Protocol;
using DirectAccess.Local.Security;

namespace DirectAccess.Local.Identity.Tokens;

/// <summary>
/// Validates a user pool ID token presented in <c>Logins</c> the way the identity pool does (Cognito developer guide,
/// "Verifying a JSON web token"; REFERENCE §1, §3): compact JWS; <c>alg</c> exactly RS256 (so <c>none</c> and HS256
/// are refused); <c>iss</c> = <c>https://</c> + the <c>Logins</c> key; signature with the pool's key named by
/// <c>kid</c> (looked up in <see cref="IUserPoolKeys"/>, whose RSA objects are reused: no per-request key import);
/// <c>exp</c> in the future, <c>nbf</c> not in the future, <c>iat</c> not more than 5 minutes ahead; <c>aud</c> present
/// and one of the provider's client ids; <c>token_use</c> = <c>id</c>; <c>sub</c> present. Every failure is
/// <c>NotAuthorizedException</c> with Cognito's message.
/// </summary>
public sealed class UserPoolTokenValidator(IUserPoolKeys keys, TimeProvider clock)
{
    private static readonly TimeSpan IssuedAtSkew = TimeSpan.FromMinutes(5);

    /// <summary>Validates <paramref name="token"/> presented under <paramref name="providerName"/>.</summary>
    /// <param name="providerName">The <c>Logins</c> key, already known to be a provider of the pool.</param>
    /// <param name="token">The ID token.</param>
    /// <param name="clientIds">The app client ids the pool accepts from this provider.</param>
    /// <exception cref="IdentityPoolException"><c>NotAuthorizedException</c> naming what failed.</exception>
    public ValidatedLogin Validate(string providerName, string token, IReadOnlyCollection<string> clientIds)
    {
        if (!CompactJwt.TryParse(token, out var jwt))
        {
            throw Invalid("Not a valid OpenId Connect identity token.");
        }

        if (jwt.HeaderString("alg") != Rs256.Algorithm)
        {
            throw Invalid("Couldn't verify signed token.");
        }

        if (jwt.ClaimString("iss") != "https://" + providerName)
        {
            throw Invalid("Issuer doesn't match providerName");
        }

        var userPoolId = providerName[(providerName.LastIndexOf('/') + 1)..];
        var kid = jwt.HeaderString("kid");
        var key = kid is null ? null : keys.FindSigningKey(userPoolId, kid);
        if (key is null || !Rs256.Verify(jwt, key))
        {
            throw Invalid("Couldn't verify signed token.");
        }

        CheckTimes(jwt);
        var audience = jwt.ClaimString("aud") ?? throw Invalid("Missing a required claim: aud");
        if (jwt.ClaimString("token_use") != "id")
        {
            throw Invalid("Token use must be id.");
        }

        if (!clientIds.Contains(audience))
        {
            throw Invalid("Incorrect token audience.");
        }

        var sub = jwt.ClaimString("sub") ?? throw Invalid("Missing a required claim: sub");
        return new ValidatedLogin(providerName, sub, audience, jwt);
    }

    private void CheckTimes(CompactJwt jwt)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var expires = jwt.ClaimSeconds("exp") ?? throw Invalid("Missing a required claim: exp");
        if (now >= expires)
        {
            throw Invalid($"Token expired: {now} >= {expires}");
        }

        if (jwt.ClaimSeconds("nbf") is { } notBefore && now < notBefore)
        {
            throw Invalid($"Token is not valid before: {notBefore} > {now}");
        }

        if (jwt.ClaimSeconds("iat") is { } issued && issued > now + (long)IssuedAtSkew.TotalSeconds)
        {
            throw Invalid($"Token used before issued: {issued} > {now}");
        }
    }

    private static IdentityPoolException Invalid(string reason) => IdentityPoolException.NotAuthorized("Invalid login token. " + reason);
}
