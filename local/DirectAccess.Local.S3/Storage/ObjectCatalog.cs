using DirectAccess.Local.S3.Model;
using Microsoft.Data.Sqlite;

namespace DirectAccess.Local.S3.Storage;

/// <summary>
/// The committed objects (table <c>s3_objects</c>). Keys sort by SQLite's BINARY collation, i.e. by UTF-8 bytes, which
/// is the order S3 lists keys in.
/// </summary>
public sealed class ObjectCatalog(CatalogDatabase database)
{
    private const string Columns =
        "bucket, key, size, etag, last_modified_ms, headers, checksum_algorithm, checksum_value, checksum_type, segments";

    /// <summary>The object, or null when the key does not exist.</summary>
    public StoredObject? Find(string bucket, string key)
    {
        using var connection = database.OpenRead();
        return Find(connection, null, bucket, key);
    }

    /// <summary>
    /// Commits <paramref name="stored"/>, replacing any object with its key, if <paramref name="condition"/> holds.
    /// Returns the replaced object's segments, which the caller deletes after the commit.
    /// </summary>
    /// <exception cref="Protocol.S3Exception">412/404 when the condition fails (nothing is written).</exception>
    public Task<IReadOnlyList<BlobSegment>> PutAsync(StoredObject stored, WriteCondition condition) =>
        database.WriteAsync((connection, transaction) => Put(connection, transaction, stored, condition));

    /// <summary>Removes the object; returns it (for its segments) or null when there was none.</summary>
    public Task<StoredObject?> DeleteAsync(string bucket, string key) =>
        database.WriteAsync((connection, transaction) =>
        {
            var existing = Find(connection, transaction, bucket, key);
            if (existing is not null)
            {
                using var delete = CatalogDatabase.Command(connection, transaction,
                    "DELETE FROM s3_objects WHERE bucket = $b AND key = $k", ("$b", bucket), ("$k", key));
                delete.ExecuteNonQuery();
            }

            return existing;
        });

    /// <summary>
    /// Objects of <paramref name="bucket"/> whose key starts with <paramref name="prefix"/> and sorts after
    /// <paramref name="after"/>, in key order, read lazily in pages of 1,000 rows.
    /// </summary>
    public IEnumerable<ObjectSummary> Enumerate(string bucket, string prefix, string after)
    {
        var cursor = string.CompareOrdinal(after, prefix) > 0 ? after : null;
        var lowerBound = prefix;
        while (true)
        {
            var page = new List<ObjectSummary>(1000);
            using (var connection = database.OpenRead())
            {
                using var select = CatalogDatabase.Command(connection, null,
                    cursor is null
                        ? "SELECT key, size, etag, last_modified_ms, checksum_algorithm, checksum_type FROM s3_objects WHERE bucket = $b AND key >= $low ORDER BY key LIMIT 1000"
                        : "SELECT key, size, etag, last_modified_ms, checksum_algorithm, checksum_type FROM s3_objects WHERE bucket = $b AND key > $after ORDER BY key LIMIT 1000",
                    ("$b", bucket), ("$low", lowerBound), ("$after", cursor));
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    page.Add(new ObjectSummary(reader.GetString(0), reader.GetInt64(1), reader.GetString(2),
                        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                        reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
                }
            }

            foreach (var summary in page)
            {
                if (!summary.Key.StartsWith(prefix, StringComparison.Ordinal))
                {
                    yield break; // Sorted: once past the prefix's range nothing further matches.
                }

                yield return summary;
            }

            if (page.Count < 1000)
            {
                yield break;
            }

            cursor = page[^1].Key;
        }
    }

    /// <summary>Every blob referenced by any object (start-up cleanup).</summary>
    public IEnumerable<string> ReferencedBlobs()
    {
        using var connection = database.OpenRead();
        using var select = CatalogDatabase.Command(connection, null, "SELECT segments FROM s3_objects");
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            foreach (var segment in CatalogJson.ReadSegments(reader.GetString(0)))
            {
                yield return segment.Blob;
            }
        }
    }

    /// <summary>Reads one object inside an open connection/transaction.</summary>
    internal static StoredObject? Find(SqliteConnection connection, SqliteTransaction? transaction, string bucket, string key)
    {
        using var select = CatalogDatabase.Command(connection, transaction,
            $"SELECT {Columns} FROM s3_objects WHERE bucket = $b AND key = $k", ("$b", bucket), ("$k", key));
        using var reader = select.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var checksum = reader.IsDBNull(6)
            ? null
            : new ObjectChecksum(reader.GetString(6), reader.GetString(7), reader.GetString(8));
        return new StoredObject(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), CatalogJson.ReadHeaders(reader.GetString(5)),
            checksum, CatalogJson.ReadSegments(reader.GetString(9)));
    }

    /// <summary>Writes one object inside a write transaction (shared with multipart completion).</summary>
    internal static IReadOnlyList<BlobSegment> Put(SqliteConnection connection, SqliteTransaction transaction,
        StoredObject stored, WriteCondition condition)
    {
        var existing = Find(connection, transaction, stored.Bucket, stored.Key);
        condition.Check(existing, stored.Key);
        using var upsert = CatalogDatabase.Command(connection, transaction,
            $"INSERT OR REPLACE INTO s3_objects({Columns}) VALUES ($b, $k, $size, $etag, $lm, $h, $ca, $cv, $ct, $s)",
            ("$b", stored.Bucket), ("$k", stored.Key), ("$size", stored.Size), ("$etag", stored.ETag),
            ("$lm", stored.LastModified.ToUnixTimeMilliseconds()), ("$h", CatalogJson.Write(stored.Headers)),
            ("$ca", stored.Checksum?.Algorithm), ("$cv", stored.Checksum?.Value), ("$ct", stored.Checksum?.Type),
            ("$s", CatalogJson.Write(stored.Segments)));
        upsert.ExecuteNonQuery();
        return existing?.Segments ?? [];
    }
}
