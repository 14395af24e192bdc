using System.Collections.Concurrent;
using DirectAccess.Local.State;
using Microsoft.Data.Sqlite;

namespace DirectAccess.Local.Identity.Identities;

/// <summary>
/// Identities of every identity pool, durable in SQLite table <c>identity_pool_identities</c>: the same user (provider
/// + <c>sub</c>) in the same pool always gets the same identity id, also after a restart (unique key, insert-or-ignore
/// then read, so two concurrent first sign-ins agree). Reads are served from an in-memory cache.
/// </summary>
public sealed class IdentityRepository
{
    private readonly StateDatabase _database;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, IdentityRecord> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Pool, string Provider, string Subject), IdentityRecord> _byLogin = new();

    /// <summary>Creates the table if needed.</summary>
    public IdentityRepository(StateDatabase database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
        database.EnsureSchema("""
            CREATE TABLE IF NOT EXISTS identity_pool_identities (
                identity_id TEXT PRIMARY KEY,
                identity_pool_id TEXT NOT NULL,
                provider_name TEXT NOT NULL,
                subject TEXT NOT NULL,
                created_unix_ms INTEGER NOT NULL,
                modified_unix_ms INTEGER NOT NULL,
                UNIQUE (identity_pool_id, provider_name, subject));
            """);
    }

    /// <summary>The identity of (<paramref name="providerName"/>, <paramref name="subject"/>) in the pool, created on first use.</summary>
    /// <param name="identityPoolId">The pool; new ids take its region prefix.</param>
    /// <param name="providerName">The login's provider name.</param>
    /// <param name="subject">The user's <c>sub</c>.</param>
    public IdentityRecord GetOrCreate(string identityPoolId, string providerName, string subject)
    {
        if (_byLogin.TryGetValue((identityPoolId, providerName, subject), out var cached))
        {
            return cached;
        }

        var region = identityPoolId[..identityPoolId.IndexOf(':')];
        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        using var connection = _database.Open();
        using (var insert = connection.CreateCommand())
        {
            insert.CommandText = """
                INSERT OR IGNORE INTO identity_pool_identities VALUES ($id, $pool, $provider, $subject, $now, $now)
                """;
            insert.Parameters.AddWithValue("$id", $"{region}:{Guid.NewGuid()}");
            insert.Parameters.AddWithValue("$pool", identityPoolId);
            insert.Parameters.AddWithValue("$provider", providerName);
            insert.Parameters.AddWithValue("$subject", subject);
            insert.Parameters.AddWithValue("$now", now);
            insert.ExecuteNonQuery();
        }

        using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT * FROM identity_pool_identities WHERE identity_pool_id = $pool AND provider_name = $provider AND subject = $subject
            """;
        select.Parameters.AddWithValue("$pool", identityPoolId);
        select.Parameters.AddWithValue("$provider", providerName);
        select.Parameters.AddWithValue("$subject", subject);
        using var row = select.ExecuteReader();
        row.Read();
        return Remember(Read(row));
    }

    /// <summary>The identity <paramref name="identityId"/>, or null when unknown.</summary>
    public IdentityRecord? Find(string identityId)
    {
        if (_byId.TryGetValue(identityId, out var cached))
        {
            return cached;
        }

        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT * FROM identity_pool_identities WHERE identity_id = $id";
        select.Parameters.AddWithValue("$id", identityId);
        using var row = select.ExecuteReader();
        return row.Read() ? Remember(Read(row)) : null;
    }

    /// <summary>
    /// A page of the pool's identities ordered by id: up to <paramref name="maxResults"/> with id greater than
    /// <paramref name="after"/> (null = from the start).
    /// </summary>
    public IReadOnlyList<IdentityRecord> List(string identityPoolId, int maxResults, string? after)
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT * FROM identity_pool_identities WHERE identity_pool_id = $pool AND identity_id > $after
            ORDER BY identity_id LIMIT $limit
            """;
        select.Parameters.AddWithValue("$pool", identityPoolId);
        select.Parameters.AddWithValue("$after", after ?? "");
        select.Parameters.AddWithValue("$limit", maxResults);
        using var row = select.ExecuteReader();
        var page = new List<IdentityRecord>();
        while (row.Read())
        {
            page.Add(Read(row));
        }

        return page;
    }

    private IdentityRecord Remember(IdentityRecord record)
    {
        _byId[record.IdentityId] = record;
        _byLogin[(record.IdentityPoolId, record.ProviderName, record.Subject)] = record;
        return record;
    }

    private static IdentityRecord Read(SqliteDataReader row) => new(
        row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3),
        DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(4)), DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(5)));
}
