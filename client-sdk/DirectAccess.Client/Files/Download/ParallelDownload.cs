using Amazon.S3.Model;

namespace DirectAccess.Client.Files.Download;

/// <summary>
/// Downloads an object with parallel ranged <c>GetObject</c> calls (each pinned to the object's ETag with
/// <c>If-Match</c>, so a concurrent overwrite fails instead of mixing versions) into <c>&lt;dest&gt;.partial</c>,
/// written at each range's offset, flushed, then renamed over the destination atomically. Memory: one copy buffer per
/// worker; data streams to disk.
/// </summary>
internal static class ParallelDownload
{
    public static async Task<long> RunAsync(Amazon.S3.IAmazonS3 s3, string bucket, string key, string destination, DownloadOptions options, IProgress<TransferProgress>? progress, CancellationToken ct)
    {
        if (options.PartSize < 1024 * 1024 || options.Concurrency is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "PartSize must be ≥ 1 MiB and Concurrency 1–64.");
        }

        var fullDestination = Path.GetFullPath(destination);
        if (!options.Overwrite && File.Exists(fullDestination))
        {
            throw new IOException($"'{fullDestination}' exists.");
        }

        var head = await S3Calls.Run(() => s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }, ct)).ConfigureAwait(false);
        var size = head.ContentLength;
        var etag = head.ETag;
        var partial = fullDestination + ".partial";
        var ranges = size == 0 ? 0 : (int)((size + options.PartSize - 1) / options.PartSize);
        var tracker = new ProgressTracker(progress, size, 0, Math.Max(ranges, 1), 0);
        Directory.CreateDirectory(Path.GetDirectoryName(fullDestination)!);
        try
        {
            using (var handle = File.OpenHandle(partial, FileMode.Create, FileAccess.Write, FileShare.None, FileOptions.Asynchronous, preallocationSize: size))
            {
                await Parallel.ForEachAsync(Enumerable.Range(0, ranges), new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = ct }, async (index, token) =>
                {
                    var start = index * options.PartSize;
                    var end = Math.Min(size, start + options.PartSize) - 1;
                    using var response = await S3Calls.Run(() => s3.GetObjectAsync(new GetObjectRequest
                    {
                        BucketName = bucket,
                        Key = key,
                        ByteRange = new Amazon.S3.Model.ByteRange(start, end),
                        EtagToMatch = etag,
                    }, token)).ConfigureAwait(false);
                    var buffer = new byte[81920];
                    var offset = start;
                    var body = response.ResponseStream;
                    int read;
                    while ((read = await body.ReadAsync(buffer, token).ConfigureAwait(false)) > 0)
                    {
                        await RandomAccess.WriteAsync(handle, buffer.AsMemory(0, read), offset, token).ConfigureAwait(false);
                        offset += read;
                    }

                    if (offset != end + 1)
                    {
                        throw new IOException($"Range {start}-{end} of '{key}' ended after {offset - start} bytes.");
                    }

                    tracker.PartDone(end - start + 1);
                }).ConfigureAwait(false);
                RandomAccess.FlushToDisk(handle);
            }

            File.Move(partial, fullDestination, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(partial);
            }
            catch (IOException)
            {
            }

            throw;
        }

        tracker.Report();
        return size;
    }
}
