using System.Text.Json;
using DirectAccess.Local.State;
using DirectAccess.Local.UserPools.Srp;
using Microsoft.Data.Sqlite;

namespace DirectAccess.Local.UserPools.Users;

/// <summary>
/// Durable users and group memberships of every pool, in the local cloud's SQLite database (tables
/// <c>userpool_users</c>, <c>userpool_group_members</c>). Passwords are stored only as SRP salt + verifier.
/// </summary>
public sealed class UserStore
{
    private readonly StateDatabase _database;

    /// <summary>Creates the tables when missing.</summary>
    public UserStore(StateDatabase database)
    {
        _database = database;
        _database.EnsureSchema("""
            CREATE TABLE IF NOT EXISTS userpool_users (
                pool_id TEXT NOT NULL, username_key TEXT NOT NULL, username TEXT NOT NULL, sub TEXT NOT NULL,
                status TEXT NOT NULL, enabled INTEGER NOT NULL, salt BLOB, verifier BLOB, attributes TEXT NOT NULL,
                created_ms INTEGER NOT NULL, modified_ms INTEGER NOT NULL, confirmation_code TEXT,
                PRIMARY KEY (pool_id, username_key));
            CREATE TABLE IF NOT EXISTS userpool_group_members (
                pool_id TEXT NOT NULL, username_key TEXT NOT NULL, group_name TEXT NOT NULL,
                PRIMARY KEY (pool_id, username_key, group_name));
            """);
    }

    /// <summary>The user named <paramref name="username"/> (any case) in <paramref name="poolId"/>, or null.</summary>
    public UserRecord? Find(string poolId, string username)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM userpool_users WHERE pool_id = $pool AND username_key = $key";
        command.Parameters.AddWithValue("$pool", poolId);
        command.Parameters.AddWithValue("$key", UserRecord.KeyOf(username));
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    /// <summary>Adds <paramref name="user"/>; false when the username is taken (case-insensitively).</summary>
    public bool TryInsert(UserRecord user)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR IGNORE INTO userpool_users VALUES
            ($pool, $key, $name, $sub, $status, $enabled, $salt, $verifier, $attributes, $created, $modified, $code)
            """;
        Bind(command, user);
        return command.ExecuteNonQuery() == 1;
    }

    /// <summary>Replaces the stored row of <paramref name="user"/> (same pool and key).</summary>
    /// <exception cref="CognitoException"><c>UserNotFoundException</c> when the user was deleted meanwhile.</exception>
    public void Update(UserRecord user)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE userpool_users SET username = $name, sub = $sub, status = $status, enabled = $enabled, salt = $salt,
                verifier = $verifier, attributes = $attributes, created_ms = $created, modified_ms = $modified,
                confirmation_code = $code
            WHERE pool_id = $pool AND username_key = $key
            """;
        Bind(command, user);
        if (command.ExecuteNonQuery() != 1)
        {
            throw CognitoException.UserNotFound();
        }
    }

    /// <summary>Deletes the user and their group memberships; false when there was no such user.</summary>
    public bool Delete(string poolId, string usernameKey)
    {
        using var connection = _database.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            DELETE FROM userpool_group_members WHERE pool_id = $pool AND username_key = $key;
            DELETE FROM userpool_users WHERE pool_id = $pool AND username_key = $key;
            SELECT changes();
            """;
        command.Parameters.AddWithValue("$pool", poolId);
        command.Parameters.AddWithValue("$key", usernameKey);
        var deleted = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
        transaction.Commit();
        return deleted;
    }

    /// <summary>Up to <paramref name="limit"/> users of the pool ordered by username key, starting after <paramref name="afterKey"/>.</summary>
    public IReadOnlyList<UserRecord> List(string poolId, string? afterKey, int limit)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT * FROM userpool_users WHERE pool_id = $pool AND username_key > $after
            ORDER BY username_key LIMIT $limit
            """;
        command.Parameters.AddWithValue("$pool", poolId);
        command.Parameters.AddWithValue("$after", afterKey ?? "");
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var users = new List<UserRecord>();
        while (reader.Read())
        {
            users.Add(Read(reader));
        }

        return users;
    }

    /// <summary>Adds the user to a group (idempotent, as <c>AdminAddUserToGroup</c> is).</summary>
    public void AddToGroup(string poolId, string usernameKey, string groupName) =>
        ChangeMembership("INSERT OR IGNORE INTO userpool_group_members VALUES ($pool, $key, $group)", poolId, usernameKey, groupName);

    /// <summary>Removes the user from a group (idempotent).</summary>
    public void RemoveFromGroup(string poolId, string usernameKey, string groupName) =>
        ChangeMembership("DELETE FROM userpool_group_members WHERE pool_id = $pool AND username_key = $key AND group_name = $group",
            poolId, usernameKey, groupName);

    /// <summary>Names of the groups the user belongs to.</summary>
    public IReadOnlyList<string> GroupsOf(string poolId, string usernameKey)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_name FROM userpool_group_members WHERE pool_id = $pool AND username_key = $key ORDER BY group_name";
        command.Parameters.AddWithValue("$pool", poolId);
        command.Parameters.AddWithValue("$key", usernameKey);
        using var reader = command.ExecuteReader();
        var groups = new List<string>();
        while (reader.Read())
        {
            groups.Add(reader.GetString(0));
        }

        return groups;
    }

    private void ChangeMembership(string sql, string poolId, string usernameKey, string groupName)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$pool", poolId);
        command.Parameters.AddWithValue("$key", usernameKey);
        command.Parameters.AddWithValue("$group", groupName);
        command.ExecuteNonQuery();
    }

    private static void Bind(SqliteCommand command, UserRecord user)
    {
        command.Parameters.AddWithValue("$pool", user.PoolId);
        command.Parameters.AddWithValue("$key", user.UsernameKey);
        command.Parameters.AddWithValue("$name", user.Username);
        command.Parameters.AddWithValue("$sub", user.Sub);
        command.Parameters.AddWithValue("$status", user.Status);
        command.Parameters.AddWithValue("$enabled", user.Enabled ? 1 : 0);
        command.Parameters.AddWithValue("$salt", (object?)user.Password?.Salt ?? DBNull.Value);
        command.Parameters.AddWithValue("$verifier", (object?)user.Password?.Verifier ?? DBNull.Value);
        command.Parameters.AddWithValue("$attributes", JsonSerializer.Serialize(user.Attributes));
        command.Parameters.AddWithValue("$created", user.Created.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$modified", user.Modified.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$code", (object?)user.ConfirmationCode ?? DBNull.Value);
    }

    private static UserRecord Read(SqliteDataReader reader)
    {
        var salt = reader["salt"] as byte[];
        var verifier = reader["verifier"] as byte[];
        var attributes = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(reader.GetOrdinal("attributes"))) ?? [];
        return new UserRecord(
            reader.GetString(reader.GetOrdinal("pool_id")),
            reader.GetString(reader.GetOrdinal("username")),
            reader.GetString(reader.GetOrdinal("username_key")),
            reader.GetString(reader.GetOrdinal("sub")),
            reader.GetString(reader.GetOrdinal("status")),
            reader.GetInt64(reader.GetOrdinal("enabled")) != 0,
            salt is null || verifier is null ? null : new PasswordVerifier(salt, verifier),
            attributes,
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(reader.GetOrdinal("created_ms"))),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(reader.GetOrdinal("modified_ms"))),
            reader["confirmation_code"] as string);
    }
}
