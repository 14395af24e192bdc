using DirectAccess.Local.State;
using Microsoft.Data.Sqlite;

namespace DirectAccess.Local.S3.Storage;

/// <summary>
/// The S3 tables in the shared SQLite database and the single write path into them. Writes are serialized in process
/// (SQLite has one writer anyway; queuing here avoids its sleep-and-retry busy handler) and run as
/// <c>BEGIN IMMEDIATE</c> transactions: a transaction's commit is the moment an object becomes (in)visible.
/// </summary>
public sealed class CatalogDatabase
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS s3_objects(
            bucket TEXT NOT NULL,
            key TEXT NOT NULL,
            size INTEGER NOT NULL,
            etag TEXT NOT NULL,
            last_modified_ms INTEGER NOT NULL,
            headers TEXT NOT NULL,
            checksum_algorithm TEXT,
            checksum_value TEXT,
            checksum_type TEXT,
            segments TEXT NOT NULL,
            PRIMARY KEY(bucket, key)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS s3_uploads(
            upload_id TEXT NOT NULL PRIMARY KEY,
            bucket TEXT NOT NULL,
            key TEXT NOT NULL,
            initiated_ms INTEGER NOT NULL,
            headers TEXT NOT NULL,
            checksum_algorithm TEXT,
            checksum_type TEXT,
            initiator TEXT NOT NULL) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS s3_uploads_by_key ON s3_uploads(bucket, key, upload_id);
        CREATE TABLE IF NOT EXISTS s3_parts(
            upload_id TEXT NOT NULL,
            part_number INTEGER NOT NULL,
            blob TEXT NOT NULL,
            size INTEGER NOT NULL,
            etag TEXT NOT NULL,
            last_modified_ms INTEGER NOT NULL,
            checksum_value TEXT,
            PRIMARY KEY(upload_id, part_number)) WITHOUT ROWID;
        """;

    private readonly StateDatabase _database;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    // One long-lived connection for all writes (used only under the gate): no pool round trip or per-open PRAGMA on
    // the hot path of small PutObjects.
    private SqliteConnection? _writer;

    /// <summary>Creates the S3 tables if needed.</summary>
    public CatalogDatabase(StateDatabase database)
    {
        _database = database;
        _database.EnsureSchema(Schema);
    }

    /// <summary>A connection for reads (WAL: sees the last committed state, never a writer's uncommitted rows).</summary>
    public SqliteConnection OpenRead() => _database.Open();

    /// <summary>
    /// Runs <paramref name="work"/> in an exclusive write transaction and commits it when it returns; an exception
    /// rolls everything back.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work)
    {
        await _writeGate.WaitAsync();
        try
        {
            var connection = _writer ??= _database.Open();
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = work(connection, transaction);
            transaction.Commit();
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>A command bound to <paramref name="connection"/> and <paramref name="transaction"/> with named parameters.</summary>
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql,
        params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
