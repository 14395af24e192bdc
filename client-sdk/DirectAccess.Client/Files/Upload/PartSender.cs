using DirectAccess.Checksums;

namespace DirectAccess.Client.Files.Upload;

/// <summary>Checksums one part held in memory and PUTs it, retrying transient failures a bounded number of times.</summary>
internal static class PartSender
{
    private const int MaxAttempts = 4;

    /// <summary>Base64 checksum of <paramref name="data"/>.</summary>
    public static string Checksum(string algorithm, ReadOnlySpan<byte> data)
    {
        var checksum = ChecksumAlgorithms.Create(algorithm);
        checksum.Append(data);
        return checksum.GetBase64AndReset();
    }

    /// <summary>Streams the part from the file with a trailing checksum; returns the ETag and the checksum.</summary>
    public static async Task<(string ETag, string Checksum)> StreamAsync(UploadTarget target, string key, string uploadId, int partNumber,
        Microsoft.Win32.SafeHandles.SafeFileHandle file, long offset, int length, string algorithm, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await target.Writer.PutStreamingPartAsync(target.Bucket, key, uploadId, partNumber, file, offset, length, algorithm, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < MaxAttempts && S3Calls.IsTransient(e) && !ct.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * (1 << attempt)), ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sends the part; returns the ETag.</summary>
    public static async Task<string> SendAsync(UploadTarget target, string key, string uploadId, int partNumber, ReadOnlyMemory<byte> data,
        string algorithm, string checksum, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (etag, _) = await target.Writer.PutAsync(target.Bucket, key, data, algorithm, checksum, partNumber, uploadId, null, ct).ConfigureAwait(false);
                return etag;
            }
            catch (Exception e) when (attempt < MaxAttempts && S3Calls.IsTransient(e) && !ct.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250 * (1 << attempt)), ct).ConfigureAwait(false);
            }
        }
    }
}
