using Microsoft.Data.Sqlite;

namespace DirectAccess.Local.State;

/// <summary>
/// The local cloud's SQLite database (<c>&lt;data-dir&gt;/state.db</c>, WAL mode). Each service owns its own tables and
/// creates them with <see cref="EnsureSchema"/>. Open a connection per unit of work; they are pooled.
/// </summary>
public sealed class StateDatabase
{
    private readonly string _connectionString;

    /// <summary>Opens (creating if needed) the database under <paramref name="dataDir"/>.</summary>
    public StateDatabase(string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDir, "state.db"),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Shared,
            Pooling = true,
        }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }

    /// <summary>An open connection with a 5 s busy timeout. Dispose it when done.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout=5000;";
        command.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Runs idempotent DDL (<c>CREATE TABLE IF NOT EXISTS ...</c>).</summary>
    public void EnsureSchema(string ddl)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = ddl;
        command.ExecuteNonQuery();
    }
}
