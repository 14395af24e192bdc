using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace DirectAccess.Client.Files.Journal;

/// <summary>
/// Upload journals under <c>&lt;data dir&gt;/uploads/</c>: one JSON-lines file per (source file path, bucket, key).
/// Line 1 is the <see cref="UploadJournalHeader"/>; each finished part appends one <see cref="UploadJournalPart"/>
/// line (flushed to disk), so a killed process loses at most the parts in flight. A torn last line is ignored.
/// The header's size and last-write time tie the journal to the file's identity: if the file changed, the journal
/// is stale.
/// </summary>
public sealed class UploadJournalStore
{
    /// <summary>Journals older than this are stale (7 days, S3 lifecycle rules commonly abort incomplete uploads after that).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(7);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };
    private readonly Lock _appendLock = new();

    /// <summary>Creates the store under <paramref name="dataDirectory"/>.</summary>
    public UploadJournalStore(string dataDirectory)
    {
        Directory = Path.Combine(dataDirectory, "uploads");
    }

    /// <summary>The journal directory.</summary>
    public string Directory { get; }

    /// <summary>The journal path for an upload of <paramref name="filePath"/> to <paramref name="bucket"/>/<paramref name="key"/>.</summary>
    public string PathFor(string filePath, string bucket, string key) =>
        Path.Combine(Directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Path.GetFullPath(filePath)}\n{bucket}\n{key}")))[..40] + ".journal");

    /// <summary>Reads a journal; null when missing or its header is unreadable.</summary>
    public UploadJournal? Read(string journalPath)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(journalPath);
        }
        catch (IOException)
        {
            return null;
        }

        if (lines.Length == 0)
        {
            return null;
        }

        UploadJournalHeader? header;
        try
        {
            header = JsonSerializer.Deserialize<UploadJournalHeader>(lines[0], Json);
        }
        catch (JsonException)
        {
            return null;
        }

        if (header is null)
        {
            return null;
        }

        var parts = new Dictionary<int, UploadJournalPart>();
        foreach (var line in lines.Skip(1))
        {
            try
            {
                if (JsonSerializer.Deserialize<UploadJournalPart>(line, Json) is { PartNumber: > 0 } part)
                {
                    parts[part.PartNumber] = part;
                }
            }
            catch (JsonException)
            {
                // A line torn by a kill mid-write: that part is simply uploaded again.
            }
        }

        return new UploadJournal(journalPath, header, parts);
    }

    /// <summary>Starts a journal (replacing any old one).</summary>
    public void Create(string journalPath, UploadJournalHeader header)
    {
        Config.DataDirectory.Ensure(Directory);
        var temp = journalPath + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(header, Json) + "\n");
        File.Move(temp, journalPath, overwrite: true);
    }

    /// <summary>Appends a finished part and flushes it to disk. Thread-safe.</summary>
    public void Append(string journalPath, UploadJournalPart part)
    {
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(part, Json) + "\n");
        lock (_appendLock)
        {
            using var stream = new FileStream(journalPath, FileMode.Append, FileAccess.Write, FileShare.Read);
            stream.Write(line);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>Deletes a journal (missing is fine).</summary>
    public void Delete(string journalPath)
    {
        try
        {
            File.Delete(journalPath);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Whether <paramref name="journal"/> no longer describes its file: file gone or changed, or older than <see cref="MaxAge"/>.</summary>
    public static bool IsStale(UploadJournal journal, DateTime utcNow)
    {
        if (utcNow - journal.Header.CreatedUtc > MaxAge)
        {
            return true;
        }

        var file = new FileInfo(journal.Header.FilePath);
        return !file.Exists || file.Length != journal.Header.Size || file.LastWriteTimeUtc.Ticks != journal.Header.LastWriteUtcTicks;
    }

    /// <summary>Every readable journal in the store (unreadable files are deleted).</summary>
    public IEnumerable<UploadJournal> All()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            yield break;
        }

        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*.journal"))
        {
            if (Read(path) is { } journal)
            {
                yield return journal;
            }
            else
            {
                Delete(path);
            }
        }
    }
}
