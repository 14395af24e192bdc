using DirectAccess.Client.Files.Journal;
using DirectAccess.Testing;

namespace DirectAccess.Client.Tests.Unit;

public sealed class JournalTests
{
    [Test]
    public void PartsSurviveATornLastLineAndStalenessFollowsTheFile()
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "data.bin");
        File.WriteAllBytes(file, new byte[100]);
        var info = new FileInfo(file);
        var store = new UploadJournalStore(dir.Path);
        var path = store.PathFor(file, "bucket", "private/id/data.bin");
        store.Create(path, new UploadJournalHeader
        {
            FilePath = info.FullName, Size = 100, LastWriteUtcTicks = info.LastWriteTimeUtc.Ticks, Bucket = "bucket", Key = "private/id/data.bin",
            UploadId = "u1", PartSize = 5 * 1024 * 1024, ChecksumAlgorithm = "CRC32", CreatedUtc = DateTime.UtcNow,
        });
        store.Append(path, new UploadJournalPart(1, "\"e1\"", "AAAAAA==", 10));
        store.Append(path, new UploadJournalPart(2, "\"e2\"", "AAAAAB==", 10));
        File.AppendAllText(path, "{\"PartNumber\":3,\"ETag\":\"e3");   // a kill mid-write

        var journal = store.Read(path)!;
        Assert.Multiple(() =>
        {
            Assert.That(journal.Header.UploadId, Is.EqualTo("u1"));
            Assert.That(journal.Parts.Keys, Is.EquivalentTo(new[] { 1, 2 }));
            Assert.That(UploadJournalStore.IsStale(journal, DateTime.UtcNow), Is.False);
            Assert.That(UploadJournalStore.IsStale(journal, DateTime.UtcNow.AddDays(8)), Is.True, "older than 7 days");
        });

        File.WriteAllBytes(file, new byte[101]);
        Assert.That(UploadJournalStore.IsStale(journal, DateTime.UtcNow), Is.True, "file changed");
        Assert.That(store.PathFor(file, "bucket", "other"), Is.Not.EqualTo(path));
    }
}
