using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using DirectAccess.Local.Model;
using DirectAccess.Local.UserPools.Sessions;
using DirectAccess.Local.UserPools.Srp;
using DirectAccess.Local.UserPools.Users;
using DirectAccess.Srp;

namespace DirectAccess.Local.UserPools.Operations.Auth;

/// <summary>
/// <c>InitiateAuth</c> with <c>USER_SRP_AUTH {USERNAME, SRP_A, SECRET_HASH?}</c> (REFERENCE.md §3): answers the
/// <c>PASSWORD_VERIFIER</c> challenge with <c>SALT</c>, <c>SRP_B</c>, <c>SECRET_BLOCK</c>, <c>USER_ID_FOR_SRP</c>,
/// <c>USERNAME</c>. An unknown user gets a challenge indistinguishable in shape (stable fake salt, random B) that
/// can never succeed — PreventUserExistenceErrors.
/// </summary>
public sealed class SrpAuthFlow(UserStore users, ExpiringSessionStore<SrpSession> sessions)
{
    // Per-process key for fake salts, so repeated tries for one unknown name see one salt, like a real user.
    private static readonly byte[] FakeSaltKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>Starts the exchange.</summary>
    /// <exception cref="CognitoException"><c>InvalidParameterException</c> for a missing <c>USERNAME</c>/<c>SRP_A</c> or
    /// an <c>SRP_A</c> that is not hex or ≡ 0 mod N.</exception>
    public JsonObject Start(UserPoolModel pool, UserPoolClientModel client, IReadOnlyDictionary<string, string> parameters)
    {
        var username = parameters.GetValueOrDefault("USERNAME") is { Length: > 0 } name
            ? name : throw CognitoException.InvalidParameter("Missing required parameter USERNAME");
        var publicA = SrpGroup.ParseHex(parameters.GetValueOrDefault("SRP_A"))
            ?? throw CognitoException.InvalidParameter("Missing required parameter SRP_A");
        if (SrpGroup.Mod(publicA).IsZero)
        {
            throw CognitoException.InvalidParameter("SRP_A is invalid.");
        }

        var user = users.Find(pool.Id, username);
        ClientGate.RequireSecretHash(client, parameters.GetValueOrDefault("SECRET_HASH"), username);

        var salt = user?.Password?.SaltValue ?? FakeSalt(pool.Id, username);
        var verifier = user?.Password?.VerifierValue ?? SrpGroup.FromBytes(RandomNumberGenerator.GetBytes(384)) % SrpGroup.N;
        var userIdForSrp = user?.Username ?? username;
        var exchange = SrpServerExchange.Start(verifier);
        var secretBlock = sessions.Add(new SrpSession(pool.Id, client.ClientId, user?.Password is null ? null : user.UsernameKey,
            userIdForSrp, exchange, publicA, user?.Password?.Verifier));

        return new JsonObject
        {
            ["ChallengeName"] = "PASSWORD_VERIFIER",
            ["ChallengeParameters"] = new JsonObject
            {
                ["SALT"] = SrpGroup.PaddedHex(salt),
                ["SECRET_BLOCK"] = secretBlock,
                ["SRP_B"] = SrpGroup.PaddedHex(exchange.PublicB),
                ["USERNAME"] = userIdForSrp,
                ["USER_ID_FOR_SRP"] = userIdForSrp,
            },
        };
    }

    private static System.Numerics.BigInteger FakeSalt(string poolId, string username) =>
        SrpGroup.FromBytes(HMACSHA256.HashData(FakeSaltKey, Encoding.UTF8.GetBytes(poolId + "/" + UserRecord.KeyOf(username))).AsSpan(0, 16));
}
