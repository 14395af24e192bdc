using DirectAccess.Local.Model;
using DirectAccess.Local.UserPools.Users;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DirectAccess.Local.UserPools.Tokens;

/// <summary>The user an access token speaks for.</summary>
/// <param name="Pool">The issuing pool.</param>
/// <param name="User">The user as stored now.</param>
/// <param name="OriginJti">The sign-in the token belongs to.</param>
public sealed record AccessTokenSubject(UserPoolModel Pool, UserRecord User, string OriginJti);

/// <summary>
/// Validates the access token of <c>GetUser</c> and <c>GlobalSignOut</c> (Cognito developer guide, "Verifying a JSON
/// web token"): RS256 signature with the issuing pool's key, <c>iss</c> of a pool here, <c>exp</c>,
/// <c>token_use: access</c>, not revoked (its <c>origin_jti</c> signed out), and the user still the same (same
/// <c>sub</c>). Every failure is <c>NotAuthorizedException</c> with Cognito's message.
/// </summary>
public sealed class AccessTokenValidator(SigningKeyStore keys, UserPoolDirectory pools, UserStore users, RefreshTokenStore refreshTokens,
    TimeProvider clock)
{
    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>The subject of <paramref name="accessToken"/>.</summary>
    /// <exception cref="CognitoException"><c>NotAuthorizedException</c>: "Invalid Access Token", "Access Token has
    /// expired", "Access Token has been revoked", "User does not exist.".</exception>
    public async Task<AccessTokenSubject> ValidateAsync(string? accessToken)
    {
        var invalid = CognitoException.NotAuthorized("Invalid Access Token");
        if (string.IsNullOrEmpty(accessToken) || !Handler.CanReadToken(accessToken))
        {
            throw invalid;
        }

        JsonWebToken unverified;
        try
        {
            unverified = Handler.ReadJsonWebToken(accessToken);
        }
        catch (Exception malformed) when (malformed is ArgumentException or SecurityTokenException)
        {
            throw invalid; // header or payload not Base64url JSON
        }

        var pool = pools.ByIssuer(unverified.Issuer) ?? throw invalid;
        var key = keys.For(pool.Id);
        var result = await Handler.ValidateTokenAsync(accessToken, new TokenValidationParameters
        {
            ValidIssuer = pool.Issuer(pools.Region),
            ValidateAudience = false, // access tokens carry client_id, not aud
            IssuerSigningKey = new RsaSecurityKey(key.PublicKey) { KeyId = key.KeyId },
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            // Expiry is checked below against the cloud's clock (the same one that issued the token).
            ValidateLifetime = false,
        });
        if (!result.IsValid)
        {
            throw invalid;
        }

        var token = (JsonWebToken)result.SecurityToken;
        if (!token.TryGetPayloadValue<long>("exp", out var expires))
        {
            throw invalid;
        }

        if (DateTimeOffset.FromUnixTimeSeconds(expires) <= clock.GetUtcNow())
        {
            throw CognitoException.NotAuthorized("Access Token has expired");
        }

        if (!token.TryGetPayloadValue<string>("token_use", out var use) || use != "access"
            || !token.TryGetPayloadValue<string>("username", out var username)
            || !token.TryGetPayloadValue<string>("origin_jti", out var originJti))
        {
            throw invalid;
        }

        if (refreshTokens.IsRevoked(originJti))
        {
            throw CognitoException.NotAuthorized("Access Token has been revoked");
        }

        var user = users.Find(pool.Id, username);
        if (user is null || user.Sub != token.Subject)
        {
            throw CognitoException.NotAuthorized("User does not exist.");
        }

        return new AccessTokenSubject(pool, user, originJti);
    }
}
