using System.Security.Cryptography;
using System.Text;
using DirectAccess.Local.State;

namespace DirectAccess.Local.UserPools.Tokens;

/// <summary>A stored refresh token (the token itself is never stored, only its SHA-256).</summary>
/// <param name="PoolId">User pool id.</param>
/// <param name="ClientId">App client it was issued to; only that client may redeem it.</param>
/// <param name="UsernameKey">The user's lower-cased username.</param>
/// <param name="OriginJti">The <c>origin_jti</c> shared by every token of this sign-in.</param>
/// <param name="AuthTime">UTC instant of the original authentication (<c>auth_time</c>).</param>
/// <param name="Expires">UTC expiry.</param>
/// <param name="Revoked">True after <c>GlobalSignOut</c> (or user deletion).</param>
public sealed record RefreshTokenRecord(string PoolId, string ClientId, string UsernameKey, string OriginJti,
    DateTimeOffset AuthTime, DateTimeOffset Expires, bool Revoked);

/// <summary>
/// Durable refresh tokens (table <c>userpool_refresh_tokens</c>) and the revocation of a sign-in's tokens by
/// <c>origin_jti</c> (Cognito developer guide, "Revoking tokens": revoking a refresh token also invalidates the
/// access tokens issued from it).
/// </summary>
public sealed class RefreshTokenStore
{
    private readonly StateDatabase _database;

    /// <summary>Creates the table when missing.</summary>
    public RefreshTokenStore(StateDatabase database)
    {
        _database = database;
        _database.EnsureSchema("""
            CREATE TABLE IF NOT EXISTS userpool_refresh_tokens (
                token_hash TEXT PRIMARY KEY, pool_id TEXT NOT NULL, client_id TEXT NOT NULL, username_key TEXT NOT NULL,
                origin_jti TEXT NOT NULL UNIQUE, auth_time_ms INTEGER NOT NULL, expires_ms INTEGER NOT NULL,
                revoked INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS userpool_refresh_tokens_user ON userpool_refresh_tokens (pool_id, username_key);
            """);
    }

    /// <summary>Issues a new opaque refresh token (Base64url of 64 random bytes) and stores its hash.</summary>
    public string Issue(string poolId, string clientId, string usernameKey, string originJti, DateTimeOffset authTime, DateTimeOffset expires)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(64));
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO userpool_refresh_tokens VALUES ($hash, $pool, $client, $key, $jti, $auth, $expires, 0)";
        command.Parameters.AddWithValue("$hash", HashOf(token));
        command.Parameters.AddWithValue("$pool", poolId);
        command.Parameters.AddWithValue("$client", clientId);
        command.Parameters.AddWithValue("$key", usernameKey);
        command.Parameters.AddWithValue("$jti", originJti);
        command.Parameters.AddWithValue("$auth", authTime.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$expires", expires.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
        return token;
    }

    /// <summary>The record of <paramref name="token"/>, or null when it was never issued.</summary>
    public RefreshTokenRecord? Find(string token)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT pool_id, client_id, username_key, origin_jti, auth_time_ms, expires_ms, revoked FROM userpool_refresh_tokens WHERE token_hash = $hash";
        command.Parameters.AddWithValue("$hash", HashOf(token));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new RefreshTokenRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
            reader.GetInt64(6) != 0);
    }

    /// <summary>True when the sign-in <paramref name="originJti"/> was revoked (its refresh token is marked revoked).</summary>
    public bool IsRevoked(string originJti)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT revoked FROM userpool_refresh_tokens WHERE origin_jti = $jti";
        command.Parameters.AddWithValue("$jti", originJti);
        var revoked = command.ExecuteScalar();
        return revoked is long value && value != 0;
    }

    /// <summary>Revokes every refresh token of the user, in every client (what <c>GlobalSignOut</c> does).</summary>
    public void RevokeAll(string poolId, string usernameKey)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE userpool_refresh_tokens SET revoked = 1 WHERE pool_id = $pool AND username_key = $key";
        command.Parameters.AddWithValue("$pool", poolId);
        command.Parameters.AddWithValue("$key", usernameKey);
        command.ExecuteNonQuery();
    }

    private static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
