using System.Collections.Concurrent;
using System.Diagnostics;
using Amazon.S3.Model;
using DirectAccess.Client.Errors;
using DirectAccess.Client.Files.Journal;
using Microsoft.Win32.SafeHandles;

namespace DirectAccess.Client.Files.Upload;

/// <summary>
/// Uploads a file: one <c>PutObject</c> when small, else a parallel multipart upload whose parts are read with
/// positional reads (<see cref="RandomAccess"/>) — streamed as aws-chunked bodies with a trailing checksum, or read
/// into a fixed set of part buffers with a checksum header — sent, and recorded in
/// the journal so that a later run (even after the process was killed) resumes: the journal's upload id is checked
/// with <c>ListParts</c>, parts whose ETag and size match are kept, the rest are sent, then
/// <c>CompleteMultipartUpload</c> and the whole-object check (S3 user guide, "Uploading and copying objects using
/// multipart upload").
/// </summary>
internal static class MultipartFileUpload
{
    public static async Task<UploadResult> RunAsync(UploadTarget target, string filePath, string key, UploadOptions options, IProgress<TransferProgress>? progress, CancellationToken ct)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        var fullPath = Path.GetFullPath(filePath);
        var file = new FileInfo(fullPath);
        if (!file.Exists)
        {
            throw new FileNotFoundException("File to upload not found.", fullPath);
        }

        var size = file.Length;
        var lastWrite = file.LastWriteTimeUtc.Ticks;
        using var handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
        if (size <= options.EffectiveSinglePutThreshold)
        {
            var buffer = new byte[size];
            await ReadExactlyAsync(handle, buffer, 0, ct).ConfigureAwait(false);
            return await SingleObjectUpload.PutAsync(target, key, buffer, options, new ProgressTracker(progress, size, 0, 1, 0), ct).ConfigureAwait(false);
        }

        var journalPath = target.Journals.PathFor(fullPath, target.Bucket, key);
        var (header, kept) = options.Resume
            ? await TryResumeAsync(target, journalPath, fullPath, size, lastWrite, key, ct).ConfigureAwait(false)
            : (null, new Dictionary<int, UploadJournalPart>());
        if (header is null)
        {
            header = await StartAsync(target, journalPath, fullPath, size, lastWrite, key, options, ct).ConfigureAwait(false);
        }

        var plan = PartPlan.For(size, header.PartSize);
        var algorithm = header.ChecksumAlgorithm;
        var done = new ConcurrentDictionary<int, (string ETag, string Checksum)>(kept.ToDictionary(p => p.Key, p => (p.Value.ETag, p.Value.Checksum)));
        var resumedBytes = kept.Keys.Sum(n => (long)plan.Length(n));
        var tracker = new ProgressTracker(progress, size, resumedBytes, plan.PartCount, kept.Count);
        var pool = options.StreamParts ? null : new PartBufferPool(Math.Min(options.Concurrency, plan.PartCount), (int)plan.PartSize);
        var todo = Enumerable.Range(1, plan.PartCount).Where(n => !done.ContainsKey(n));
        await Parallel.ForEachAsync(todo, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = ct }, async (partNumber, token) =>
        {
            var length = plan.Length(partNumber);
            string etag, checksum;
            if (pool is null)
            {
                (etag, checksum) = await PartSender.StreamAsync(target, key, header.UploadId, partNumber, handle, plan.Offset(partNumber), length, algorithm, token).ConfigureAwait(false);
            }
            else
            {
                var buffer = await pool.RentAsync(token).ConfigureAwait(false);
                try
                {
                    var memory = buffer.AsMemory(0, length);
                    await ReadExactlyAsync(handle, memory, plan.Offset(partNumber), token).ConfigureAwait(false);
                    checksum = PartSender.Checksum(algorithm, memory.Span);
                    etag = await PartSender.SendAsync(target, key, header.UploadId, partNumber, memory, algorithm, checksum, token).ConfigureAwait(false);
                }
                finally
                {
                    pool.Return(buffer);
                }
            }

            target.Journals.Append(journalPath, new UploadJournalPart(partNumber, etag, checksum, length));
            done[partNumber] = (etag, checksum);
            tracker.PartDone(length);
        }).ConfigureAwait(false);

        // The file must not have changed while it was read; otherwise the object would mix two versions.
        file.Refresh();
        if (file.Length != size || file.LastWriteTimeUtc.Ticks != lastWrite)
        {
            throw new IOException($"'{fullPath}' changed during the upload; start it again.");
        }

        var (etagOut, checksumOut) = await MultipartCompletion.CompleteAsync(target, key, header.UploadId, algorithm,
            done.Select(p => (p.Key, p.Value.ETag, p.Value.Checksum)).ToList(), options.RequireObjectChecksum, ct).ConfigureAwait(false);
        target.Journals.Delete(journalPath);
        tracker.Report();
        return new UploadResult(target.Bucket, key, etagOut, size, algorithm, checksumOut, plan.PartCount, kept.Count, clock.Elapsed)
        {
            BytesPerSecond = tracker.BytesMovedThisRun / Math.Max(clock.Elapsed.TotalSeconds, 1e-6),
        };
    }

    private static async Task<UploadJournalHeader> StartAsync(UploadTarget target, string journalPath, string fullPath, long size, long lastWrite, string key, UploadOptions options, CancellationToken ct)
    {
        var plan = PartPlan.For(size, options.PartSize);
        var algorithm = options.ChecksumAlgorithm.ToUpperInvariant();
        var created = await S3Calls.Run(() => target.S3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = target.Bucket,
            Key = key,
            ContentType = options.ContentType ?? "application/octet-stream",
            ChecksumAlgorithm = MultipartCompletion.SdkAlgorithm(algorithm),
        }, ct)).ConfigureAwait(false);
        var header = new UploadJournalHeader
        {
            FilePath = fullPath,
            Size = size,
            LastWriteUtcTicks = lastWrite,
            Bucket = target.Bucket,
            Key = key,
            UploadId = created.UploadId,
            PartSize = plan.PartSize,
            ChecksumAlgorithm = algorithm,
            CreatedUtc = DateTime.UtcNow,
        };
        target.Journals.Create(journalPath, header);
        return header;
    }

    /// <summary>
    /// Uses the journal when it still describes this file and S3 still knows the upload; keeps parts whose ETag and
    /// size S3 confirms through <c>ListParts</c>. A stale journal is aborted (best effort) and deleted.
    /// </summary>
    private static async Task<(UploadJournalHeader? Header, Dictionary<int, UploadJournalPart> Kept)> TryResumeAsync(UploadTarget target,
        string journalPath, string fullPath, long size, long lastWrite, string key, CancellationToken ct)
    {
        var kept = new Dictionary<int, UploadJournalPart>();
        if (target.Journals.Read(journalPath) is not { } journal)
        {
            return (null, kept);
        }

        var header = journal.Header;
        if (header.Size != size || header.LastWriteUtcTicks != lastWrite || header.Key != key || header.Bucket != target.Bucket
            || UploadJournalStore.IsStale(journal, DateTime.UtcNow))
        {
            await AbortQuietlyAsync(target, header, ct).ConfigureAwait(false);
            target.Journals.Delete(journalPath);
            return (null, kept);
        }

        var listed = new Dictionary<int, PartDetail>();
        try
        {
            int? marker = null;
            for (var page = 0; page < 1000; page++)
            {
                var response = await S3Calls.Run(() => target.S3.ListPartsAsync(new ListPartsRequest
                {
                    BucketName = target.Bucket,
                    Key = key,
                    UploadId = header.UploadId,
                    PartNumberMarker = marker?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }, ct)).ConfigureAwait(false);
                foreach (var part in response.Parts ?? [])
                {
                    listed[part.PartNumber ?? 0] = part;
                }

                if (response.IsTruncated != true || response.NextPartNumberMarker is null)
                {
                    break;
                }

                marker = response.NextPartNumberMarker;
            }
        }
        catch (DirectAccessServiceException e) when (e.ErrorCode is "NoSuchUpload" or "NotFound")
        {
            target.Journals.Delete(journalPath);
            return (null, kept);
        }

        var plan = PartPlan.For(size, header.PartSize);
        foreach (var (number, part) in journal.Parts)
        {
            if (number <= plan.PartCount && listed.TryGetValue(number, out var onServer)
                && SameETag(onServer.ETag, part.ETag) && onServer.Size == plan.Length(number) && part.Size == plan.Length(number))
            {
                kept[number] = part;
            }
        }

        return (header, kept);
    }

    internal static async Task AbortQuietlyAsync(UploadTarget target, UploadJournalHeader header, CancellationToken ct)
    {
        try
        {
            await S3Calls.Run(() => target.S3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest
            {
                BucketName = header.Bucket,
                Key = header.Key,
                UploadId = header.UploadId,
            }, ct)).ConfigureAwait(false);
        }
        catch (DirectAccessServiceException)
        {
            // Already gone, or not ours to abort; a bucket lifecycle rule reclaims it.
        }
    }

    private static bool SameETag(string? a, string? b) => a is not null && b is not null && a.Trim('"') == b.Trim('"');

    private static async Task ReadExactlyAsync(SafeFileHandle handle, Memory<byte> buffer, long offset, CancellationToken ct)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await RandomAccess.ReadAsync(handle, buffer[filled..], offset + filled, ct).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("The file ended early: it changed during the upload.");
            }

            filled += read;
        }
    }
}
