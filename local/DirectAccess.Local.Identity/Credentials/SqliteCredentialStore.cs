using System.Collections.Concurrent;
using System.Text.Json;
using DirectAccess.Local.Model;
using DirectAccess.Local.Security;
using DirectAccess.Local.State;
using DirectAccess.Local.Template;
using Microsoft.Data.Sqlite;

namespace DirectAccess.Local.Identity.Credentials;

/// <summary>
/// <see cref="ICredentialStore"/> kept in SQLite table <c>identity_credentials</c> (one row per issued session), so
/// credentials survive a restart until they expire; an in-memory cache makes the per-request <see cref="Find"/>
/// cheap. The admin key pair from <see cref="LocalCloudOptions"/> is the account's administrator
/// (<c>arn:aws:iam::&lt;acct&gt;:root</c>). Role sessions follow STS: caller ARN
/// <c>arn:aws:sts::&lt;acct&gt;:assumed-role/&lt;RoleName&gt;/&lt;session&gt;</c>, <c>aws:userid</c>
/// <c>&lt;RoleId&gt;:&lt;session&gt;</c>, expiry truncated to whole seconds (UTC).
/// </summary>
public sealed class SqliteCredentialStore : ICredentialStore
{
    private readonly StateDatabase _database;
    private readonly StackModel _stack;
    private readonly TimeProvider _clock;
    private readonly CallerIdentity _administrator;
    private readonly ConcurrentDictionary<string, CallerIdentity> _cache = new(StringComparer.Ordinal);

    /// <summary>Creates the table if needed and drops sessions that expired over a day ago.</summary>
    public SqliteCredentialStore(StateDatabase database, LocalCloudOptions options, StackModel stack, TimeProvider clock)
    {
        _database = database;
        _stack = stack;
        _clock = clock;
        _administrator = new CallerIdentity(options.AdminAccessKeyId, options.AdminSecretAccessKey, null, null, true, null,
            $"arn:aws:iam::{options.AccountId}:root", options.AccountId, null, null, []);
        database.EnsureSchema("""
            CREATE TABLE IF NOT EXISTS identity_credentials (
                access_key_id TEXT PRIMARY KEY,
                secret_access_key TEXT NOT NULL,
                session_token TEXT NOT NULL,
                expiration_unix INTEGER NOT NULL,
                role_arn TEXT NOT NULL,
                caller_arn TEXT NOT NULL,
                user_id TEXT NOT NULL,
                identity_id TEXT,
                identity_pool_id TEXT,
                amr_json TEXT NOT NULL);
            """);
        using var connection = database.Open();
        using var purge = connection.CreateCommand();
        purge.CommandText = "DELETE FROM identity_credentials WHERE expiration_unix < $cutoff";
        purge.Parameters.AddWithValue("$cutoff", clock.GetUtcNow().AddDays(-1).ToUnixTimeSeconds());
        purge.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public CallerIdentity? Find(string accessKeyId)
    {
        if (accessKeyId == _administrator.AccessKeyId)
        {
            return _administrator;
        }

        if (_cache.TryGetValue(accessKeyId, out var cached))
        {
            return cached;
        }

        var loaded = Load(accessKeyId);
        if (loaded is not null)
        {
            _cache.TryAdd(accessKeyId, loaded);
        }

        return loaded;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">When <paramref name="roleArn"/> is not a role of the stack.</exception>
    public CallerIdentity IssueRoleSession(string roleArn, string sessionName, TimeSpan lifetime, string? identityId,
        string? identityPoolId, IReadOnlyList<string> amr)
    {
        var role = _stack.FindRole(roleArn) ?? throw new ArgumentException($"Unknown role {roleArn}.", nameof(roleArn));
        var expiration = DateTimeOffset.FromUnixTimeSeconds(_clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds());
        var caller = new CallerIdentity(
            CredentialMaterial.TemporaryAccessKeyId(),
            CredentialMaterial.SecretAccessKey(),
            CredentialMaterial.SessionToken(),
            expiration,
            IsAdministrator: false,
            role.Arn,
            $"arn:aws:sts::{_stack.AccountId}:assumed-role/{role.Name}/{sessionName}",
            $"{RoleIds.For(role.Arn)}:{sessionName}",
            identityId,
            identityPoolId,
            amr.ToArray());
        Save(caller);
        _cache[caller.AccessKeyId] = caller;
        return caller;
    }

    private void Save(CallerIdentity caller)
    {
        using var connection = _database.Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO identity_credentials VALUES ($key, $secret, $token, $expiration, $role, $caller, $user, $identity, $pool, $amr)
            """;
        insert.Parameters.AddWithValue("$key", caller.AccessKeyId);
        insert.Parameters.AddWithValue("$secret", caller.SecretAccessKey);
        insert.Parameters.AddWithValue("$token", caller.SessionToken);
        insert.Parameters.AddWithValue("$expiration", caller.Expiration!.Value.ToUnixTimeSeconds());
        insert.Parameters.AddWithValue("$role", caller.RoleArn);
        insert.Parameters.AddWithValue("$caller", caller.CallerArn);
        insert.Parameters.AddWithValue("$user", caller.UserId);
        insert.Parameters.AddWithValue("$identity", (object?)caller.IdentityId ?? DBNull.Value);
        insert.Parameters.AddWithValue("$pool", (object?)caller.IdentityPoolId ?? DBNull.Value);
        insert.Parameters.AddWithValue("$amr", JsonSerializer.Serialize(caller.Amr));
        insert.ExecuteNonQuery();
    }

    private CallerIdentity? Load(string accessKeyId)
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT * FROM identity_credentials WHERE access_key_id = $key";
        select.Parameters.AddWithValue("$key", accessKeyId);
        using var row = select.ExecuteReader();
        return row.Read() ? Read(row) : null;
    }

    private static CallerIdentity Read(SqliteDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetString(2),
        DateTimeOffset.FromUnixTimeSeconds(row.GetInt64(3)),
        IsAdministrator: false,
        row.GetString(4),
        row.GetString(5),
        row.GetString(6),
        row.IsDBNull(7) ? null : row.GetString(7),
        row.IsDBNull(8) ? null : row.GetString(8),
        JsonSerializer.Deserialize<string[]>(row.GetString(9)) ?? []);
}
