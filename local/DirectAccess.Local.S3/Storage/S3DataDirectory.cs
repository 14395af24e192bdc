namespace DirectAccess.Local.S3.Storage;

/// <summary>
/// The on-disk layout of the local S3 under <c>&lt;data-dir&gt;/s3/</c>: <c>tmp/</c> holds bodies being received (never
/// visible to readers), <c>blobs/&lt;2 hex&gt;/&lt;32 hex&gt;</c> holds committed data files. A blob becomes part of an
/// object only when the catalog's SQLite transaction that references it commits; anything else found at start-up is
/// debris of a crash and is removed.
/// </summary>
public sealed class S3DataDirectory
{
    /// <summary>Creates the directories under <paramref name="dataDir"/>.</summary>
    public S3DataDirectory(string dataDir)
    {
        Root = Path.Combine(dataDir, "s3");
        Temp = Path.Combine(Root, "tmp");
        Blobs = Path.Combine(Root, "blobs");
        Directory.CreateDirectory(Temp);
        // Create all fan-out folders once so committing is a single rename.
        for (var i = 0; i < 256; i++)
        {
            Directory.CreateDirectory(Path.Combine(Blobs, i.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    /// <summary><c>&lt;data-dir&gt;/s3</c>.</summary>
    public string Root { get; }

    /// <summary>Folder for bodies being received.</summary>
    public string Temp { get; }

    /// <summary>Folder of committed data files.</summary>
    public string Blobs { get; }

    /// <summary>A fresh, not yet existing temporary file path.</summary>
    public string NewTempPath() => Path.Combine(Temp, Guid.NewGuid().ToString("N") + ".tmp");

    /// <summary>The path of committed blob <paramref name="blob"/>.</summary>
    public string BlobPath(string blob) => Path.Combine(Blobs, blob[..2], blob);

    /// <summary>Moves a verified temporary file into the blob store (atomic rename) and returns its blob name.</summary>
    public string Commit(string tempPath)
    {
        var blob = Guid.NewGuid().ToString("N");
        File.Move(tempPath, BlobPath(blob));
        return blob;
    }

    /// <summary>Deletes blobs no longer referenced. Readers that opened them keep reading (POSIX unlink semantics).</summary>
    public void Delete(IEnumerable<string> blobs)
    {
        foreach (var blob in blobs)
        {
            TryDelete(BlobPath(blob));
        }
    }

    /// <summary>
    /// Start-up cleanup: removes every temporary file and every blob not in <paramref name="referenced"/> (a crash
    /// between rename and commit, or between commit and deleting replaced data). Returns how many files were removed.
    /// </summary>
    public int RemoveDebris(IReadOnlySet<string> referenced)
    {
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(Temp))
        {
            removed += TryDelete(file) ? 1 : 0;
        }

        foreach (var file in Directory.EnumerateFiles(Blobs, "*", SearchOption.AllDirectories))
        {
            if (!referenced.Contains(Path.GetFileName(file)))
            {
                removed += TryDelete(file) ? 1 : 0;
            }
        }

        return removed;
    }

    /// <summary>Deletes a file, tolerating its absence.</summary>
    public static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
