namespace DirectAccess.Client.Files.Upload;

/// <summary>A small object in one <c>PutObject</c> with its checksum header; S3 verifies it and echoes the value.</summary>
internal static class SingleObjectUpload
{
    public static async Task<UploadResult> PutAsync(UploadTarget target, string key, ReadOnlyMemory<byte> data, UploadOptions options, ProgressTracker progress, CancellationToken ct)
    {
        var algorithm = options.ChecksumAlgorithm.ToUpperInvariant();
        var checksum = PartSender.Checksum(algorithm, data.Span);
        const int maxAttempts = 4;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (etag, echoed) = await target.Writer.PutAsync(target.Bucket, key, data, algorithm, checksum, null, null, options.ContentType ?? "application/octet-stream", ct).ConfigureAwait(false);
                var (_, verified) = MultipartCompletion.Verify(key, algorithm, checksum, echoed ?? checksum, options.RequireObjectChecksum, etag);
                progress.PartDone(data.Length);
                progress.Report();
                return new UploadResult(target.Bucket, key, etag, data.Length, algorithm, verified, 1, 0, progress.Elapsed)
                {
                    BytesPerSecond = data.Length / Math.Max(progress.Elapsed.TotalSeconds, 1e-6),
                };
            }
            catch (Exception e) when (attempt < maxAttempts && S3Calls.IsTransient(e) && !ct.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * (1 << attempt)), ct).ConfigureAwait(false);
            }
        }
    }
}
