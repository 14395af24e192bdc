using DirectAccess.Local.S3.Model;
using DirectAccess.Local.S3.Protocol;
using Microsoft.Data.Sqlite;

namespace DirectAccess.Local.S3.Storage;

/// <summary>
/// In-progress multipart uploads and their parts (tables <c>s3_uploads</c>, <c>s3_parts</c>). Completion turns the
/// chosen parts' files into the object's segments in the same transaction that removes the upload.
/// </summary>
public sealed class UploadCatalog(CatalogDatabase database)
{
    /// <summary>Records a new upload.</summary>
    public Task CreateAsync(MultipartUpload upload) =>
        database.WriteAsync((connection, transaction) =>
        {
            using var insert = CatalogDatabase.Command(connection, transaction,
                "INSERT INTO s3_uploads(upload_id, bucket, key, initiated_ms, headers, checksum_algorithm, checksum_type, initiator) VALUES ($id, $b, $k, $i, $h, $ca, $ct, $in)",
                ("$id", upload.UploadId), ("$b", upload.Bucket), ("$k", upload.Key),
                ("$i", upload.Initiated.ToUnixTimeMilliseconds()), ("$h", CatalogJson.Write(upload.Headers)),
                ("$ca", upload.ChecksumAlgorithm), ("$ct", upload.ChecksumType), ("$in", upload.InitiatorArn));
            return insert.ExecuteNonQuery();
        });

    /// <summary>The upload <paramref name="uploadId"/> of <paramref name="bucket"/>/<paramref name="key"/>.</summary>
    /// <exception cref="S3Exception">404 <c>NoSuchUpload</c> when unknown or for another key.</exception>
    public MultipartUpload Get(string bucket, string key, string uploadId)
    {
        using var connection = database.OpenRead();
        return Find(connection, null, uploadId) is { } upload && upload.Bucket == bucket && upload.Key == key
            ? upload
            : throw S3Errors.NoSuchUpload(uploadId);
    }

    /// <summary>
    /// Records a part (replacing an earlier one with the same number). Returns the replaced part's blob, if any.
    /// </summary>
    /// <exception cref="S3Exception">404 <c>NoSuchUpload</c> when the upload was completed or aborted meanwhile.</exception>
    public Task<string?> PutPartAsync(MultipartUpload upload, UploadedPart part) =>
        database.WriteAsync((connection, transaction) =>
        {
            if (Find(connection, transaction, upload.UploadId) is null)
            {
                throw S3Errors.NoSuchUpload(upload.UploadId);
            }

            string? replaced;
            using (var select = CatalogDatabase.Command(connection, transaction,
                "SELECT blob FROM s3_parts WHERE upload_id = $id AND part_number = $n", ("$id", upload.UploadId), ("$n", part.PartNumber)))
            {
                replaced = select.ExecuteScalar() as string;
            }

            using var upsert = CatalogDatabase.Command(connection, transaction,
                "INSERT OR REPLACE INTO s3_parts(upload_id, part_number, blob, size, etag, last_modified_ms, checksum_value) VALUES ($id, $n, $blob, $size, $etag, $lm, $cv)",
                ("$id", upload.UploadId), ("$n", part.PartNumber), ("$blob", part.Blob), ("$size", part.Size),
                ("$etag", part.ETag), ("$lm", part.LastModified.ToUnixTimeMilliseconds()), ("$cv", part.ChecksumValue));
            upsert.ExecuteNonQuery();
            return replaced;
        });

    /// <summary>Up to <paramref name="limit"/> parts numbered above <paramref name="afterPartNumber"/>, ascending.</summary>
    public IReadOnlyList<UploadedPart> ListParts(string uploadId, int afterPartNumber, int limit)
    {
        using var connection = database.OpenRead();
        return ReadParts(connection, null, uploadId, afterPartNumber, limit);
    }

    /// <summary>
    /// Completes an upload atomically: <paramref name="assemble"/> validates the upload's parts and builds the object
    /// (throwing an S3 error leaves everything unchanged), <paramref name="condition"/> is checked, the object is
    /// committed and the upload removed. Returns the object and the blobs no longer referenced (replaced object,
    /// parts not chosen) for the caller to delete.
    /// </summary>
    /// <exception cref="S3Exception"><c>NoSuchUpload</c>, or whatever <paramref name="assemble"/> or the condition throws.</exception>
    public Task<(StoredObject Object, IReadOnlyList<string> Unreferenced)> CompleteAsync(MultipartUpload upload,
        Func<IReadOnlyList<UploadedPart>, StoredObject> assemble, WriteCondition condition) =>
        database.WriteAsync((connection, transaction) =>
        {
            if (Find(connection, transaction, upload.UploadId) is null)
            {
                throw S3Errors.NoSuchUpload(upload.UploadId);
            }

            var parts = ReadParts(connection, transaction, upload.UploadId, 0, int.MaxValue);
            var stored = assemble(parts);
            var replaced = ObjectCatalog.Put(connection, transaction, stored, condition);
            DeleteUpload(connection, transaction, upload.UploadId);
            var kept = stored.Segments.Select(s => s.Blob).ToHashSet();
            var unreferenced = replaced.Select(s => s.Blob)
                .Concat(parts.Select(p => p.Blob).Where(b => !kept.Contains(b)))
                .ToArray();
            return (stored, (IReadOnlyList<string>)unreferenced);
        });

    /// <summary>Removes an upload; returns its parts' blobs for deletion.</summary>
    /// <exception cref="S3Exception">404 <c>NoSuchUpload</c>.</exception>
    public Task<IReadOnlyList<string>> AbortAsync(MultipartUpload upload) =>
        database.WriteAsync((connection, transaction) =>
        {
            if (Find(connection, transaction, upload.UploadId) is null)
            {
                throw S3Errors.NoSuchUpload(upload.UploadId);
            }

            var blobs = ReadParts(connection, transaction, upload.UploadId, 0, int.MaxValue).Select(p => p.Blob).ToArray();
            DeleteUpload(connection, transaction, upload.UploadId);
            return (IReadOnlyList<string>)blobs;
        });

    /// <summary>
    /// Uploads of <paramref name="bucket"/> with keys starting with <paramref name="prefix"/>, ordered by key then
    /// upload id, after (<paramref name="keyMarker"/>, <paramref name="uploadIdMarker"/>); at most <paramref name="limit"/>.
    /// </summary>
    public IReadOnlyList<MultipartUpload> ListUploads(string bucket, string prefix, string keyMarker, string uploadIdMarker, int limit)
    {
        using var connection = database.OpenRead();
        using var select = CatalogDatabase.Command(connection, null,
            """
            SELECT upload_id, bucket, key, initiated_ms, headers, checksum_algorithm, checksum_type, initiator FROM s3_uploads
            WHERE bucket = $b AND substr(key, 1, length($p)) = $p AND (key > $km OR (key = $km AND $um <> '' AND upload_id > $um))
            ORDER BY key, upload_id LIMIT $limit
            """,
            ("$b", bucket), ("$p", prefix), ("$km", keyMarker), ("$um", uploadIdMarker), ("$limit", limit));
        using var reader = select.ExecuteReader();
        var uploads = new List<MultipartUpload>();
        while (reader.Read())
        {
            uploads.Add(ReadUpload(reader));
        }

        return uploads;
    }

    /// <summary>Every blob referenced by any part (start-up cleanup).</summary>
    public IEnumerable<string> ReferencedBlobs()
    {
        using var connection = database.OpenRead();
        using var select = CatalogDatabase.Command(connection, null, "SELECT blob FROM s3_parts");
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            yield return reader.GetString(0);
        }
    }

    private static MultipartUpload? Find(SqliteConnection connection, SqliteTransaction? transaction, string uploadId)
    {
        using var select = CatalogDatabase.Command(connection, transaction,
            "SELECT upload_id, bucket, key, initiated_ms, headers, checksum_algorithm, checksum_type, initiator FROM s3_uploads WHERE upload_id = $id",
            ("$id", uploadId));
        using var reader = select.ExecuteReader();
        return reader.Read() ? ReadUpload(reader) : null;
    }

    private static MultipartUpload ReadUpload(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), CatalogJson.ReadHeaders(reader.GetString(4)),
            reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7));

    private static List<UploadedPart> ReadParts(SqliteConnection connection, SqliteTransaction? transaction,
        string uploadId, int afterPartNumber, int limit)
    {
        using var select = CatalogDatabase.Command(connection, transaction,
            """
            SELECT part_number, blob, size, etag, last_modified_ms, checksum_value FROM s3_parts
            WHERE upload_id = $id AND part_number > $after ORDER BY part_number LIMIT $limit
            """,
            ("$id", uploadId), ("$after", afterPartNumber), ("$limit", limit));
        using var reader = select.ExecuteReader();
        var parts = new List<UploadedPart>();
        while (reader.Read())
        {
            parts.Add(new UploadedPart(reader.GetInt32(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return parts;
    }

    private static void DeleteUpload(SqliteConnection connection, SqliteTransaction transaction, string uploadId)
    {
        using var parts = CatalogDatabase.Command(connection, transaction, "DELETE FROM s3_parts WHERE upload_id = $id", ("$id", uploadId));
        parts.ExecuteNonQuery();
        using var upload = CatalogDatabase.Command(connection, transaction, "DELETE FROM s3_uploads WHERE upload_id = $id", ("$id", uploadId));
        upload.ExecuteNonQuery();
    }
}
