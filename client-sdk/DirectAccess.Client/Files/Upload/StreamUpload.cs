using System.Diagnostics;
using Amazon.S3.Model;

namespace DirectAccess.Client.Files.Upload;

/// <summary>
/// Uploads from a stream of unknown length: reads part-sized chunks in order and sends up to
/// <see cref="UploadOptions.Concurrency"/> at once (memory bounded by the buffer pool). A stream that ends within
/// the first chunk becomes one <c>PutObject</c>. Not resumable (a stream has no identity to journal).
/// </summary>
internal static class StreamUpload
{
    public static async Task<UploadResult> RunAsync(UploadTarget target, Stream source, string key, UploadOptions options, IProgress<TransferProgress>? progress, CancellationToken ct)
    {
        options.Validate();
        var clock = Stopwatch.StartNew();
        var partSize = (int)options.PartSize;
        var algorithm = options.ChecksumAlgorithm.ToUpperInvariant();
        long? knownLength = source.CanSeek ? source.Length - source.Position : null;
        var partsTotal = knownLength is { } len ? PartPlan.For(len, options.PartSize).PartCount : 0;
        if (knownLength is { } l && (l + partSize - 1) / partSize > PartPlan.MaxParts)
        {
            partSize = (int)PartPlan.For(l, options.PartSize).PartSize;
        }

        // A stream has to be buffered part by part; at most 8 parts are held whatever the concurrency.
        var pool = new PartBufferPool(Math.Min(options.Concurrency, 8), partSize);
        var first = await pool.RentAsync(ct).ConfigureAwait(false);
        var firstLength = await source.ReadAtLeastAsync(first.AsMemory(0, partSize), partSize, throwOnEndOfStream: false, ct).ConfigureAwait(false);
        if (firstLength < partSize || firstLength <= options.EffectiveSinglePutThreshold && source.CanSeek && source.Position == source.Length)
        {
            try
            {
                return await SingleObjectUpload.PutAsync(target, key, first.AsMemory(0, firstLength), options, new ProgressTracker(progress, firstLength, 0, 1, 0), ct).ConfigureAwait(false);
            }
            finally
            {
                pool.Return(first);
            }
        }

        var created = await S3Calls.Run(() => target.S3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = target.Bucket,
            Key = key,
            ContentType = options.ContentType ?? "application/octet-stream",
            ChecksumAlgorithm = MultipartCompletion.SdkAlgorithm(algorithm),
        }, ct)).ConfigureAwait(false);
        var uploadId = created.UploadId;
        var tracker = new ProgressTracker(progress, knownLength ?? 0, 0, partsTotal, 0);
        var parts = new List<(int, string, string)>();
        var inFlight = new List<Task>();
        using var failure = CancellationTokenSource.CreateLinkedTokenSource(ct);
        long total = 0;
        try
        {
            var buffer = first;
            var length = firstLength;
            for (var partNumber = 1; length > 0; partNumber++)
            {
                if (partNumber > PartPlan.MaxParts)
                {
                    throw new InvalidOperationException($"The stream needs more than {PartPlan.MaxParts} parts of {partSize} bytes; use a larger PartSize.");
                }

                total += length;
                var number = partNumber;
                var owned = buffer;
                var count = length;
                inFlight.Add(Task.Run(async () =>
                {
                    try
                    {
                        var memory = owned.AsMemory(0, count);
                        var checksum = PartSender.Checksum(algorithm, memory.Span);
                        var etag = await PartSender.SendAsync(target, key, uploadId, number, memory, algorithm, checksum, failure.Token).ConfigureAwait(false);
                        lock (parts)
                        {
                            parts.Add((number, etag, checksum));
                        }

                        tracker.PartDone(count);
                    }
                    catch
                    {
                        await failure.CancelAsync().ConfigureAwait(false);
                        throw;
                    }
                    finally
                    {
                        pool.Return(owned);
                    }
                }, CancellationToken.None));
                inFlight.RemoveAll(t => t.IsCompletedSuccessfully);

                buffer = await pool.RentAsync(failure.Token).ConfigureAwait(false);
                length = await source.ReadAtLeastAsync(buffer.AsMemory(0, partSize), partSize, throwOnEndOfStream: false, failure.Token).ConfigureAwait(false);
                if (length == 0)
                {
                    pool.Return(buffer);
                }
            }

            await Task.WhenAll(inFlight).ConfigureAwait(false);
            var (etag, checksumOut) = await MultipartCompletion.CompleteAsync(target, key, uploadId, algorithm, parts, options.RequireObjectChecksum, ct).ConfigureAwait(false);
            tracker.Report();
            return new UploadResult(target.Bucket, key, etag, total, algorithm, checksumOut, parts.Count, 0, clock.Elapsed)
            {
                BytesPerSecond = total / Math.Max(clock.Elapsed.TotalSeconds, 1e-6),
            };
        }
        catch
        {
            // No journal for streams: an unfinished upload is aborted so it does not linger.
            try
            {
                await Task.WhenAll(inFlight).ConfigureAwait(false);
            }
            catch
            {
                // Already failing; the first error is the one reported.
            }

            await MultipartFileUpload.AbortQuietlyAsync(target, new Journal.UploadJournalHeader
            {
                FilePath = "",
                Size = 0,
                LastWriteUtcTicks = 0,
                Bucket = target.Bucket,
                Key = key,
                UploadId = uploadId,
                PartSize = partSize,
                ChecksumAlgorithm = algorithm,
                CreatedUtc = DateTime.UtcNow,
            }, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }
}
