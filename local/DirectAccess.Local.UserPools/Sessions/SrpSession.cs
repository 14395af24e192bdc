using DirectAccess.Local.UserPools.Srp;

namespace DirectAccess.Local.UserPools.Sessions;

/// <summary>
/// What <c>USER_SRP_AUTH</c> remembers until the <c>PASSWORD_VERIFIER</c> response: the exchange and who it is for.
/// Bound to pool, client and user; its handle is the <c>SECRET_BLOCK</c> the client signs.
/// </summary>
/// <param name="PoolId">User pool id.</param>
/// <param name="ClientId">App client that started it; the response must come from the same client.</param>
/// <param name="UsernameKey">The user's lower-cased username, or null for an unknown user (the exchange then always fails).</param>
/// <param name="UserIdForSrp">The <c>USER_ID_FOR_SRP</c> sent in the challenge.</param>
/// <param name="Exchange">The server half of SRP.</param>
/// <param name="PublicA">The client's A.</param>
/// <param name="Verifier">The verifier bytes the exchange used; the sign-in fails if the password changed meanwhile.</param>
public sealed record SrpSession(string PoolId, string ClientId, string? UsernameKey, string UserIdForSrp,
    SrpServerExchange Exchange, System.Numerics.BigInteger PublicA, byte[]? Verifier);

/// <summary>A pending <c>NEW_PASSWORD_REQUIRED</c> challenge: the password was proven, a new one must be set.</summary>
/// <param name="PoolId">User pool id.</param>
/// <param name="ClientId">App client of the sign-in.</param>
/// <param name="UsernameKey">The user's lower-cased username.</param>
public sealed record ChallengeSession(string PoolId, string ClientId, string UsernameKey);
