using Amazon.S3;
using Amazon.S3.Model;
using DirectAccess.Client.Files.Download;
using DirectAccess.Client.Files.Journal;
using DirectAccess.Client.Files.Upload;

namespace DirectAccess.Client.Files;

/// <summary>
/// The signed-in user's files in the upload bucket, addressed by keys relative to the access-level prefix
/// (<c>private/&lt;identityId&gt;/</c> by default). Every request goes directly to S3 signed with the user's
/// identity-pool credentials; IAM decides. Failures throw <see cref="Errors.DirectAccessServiceException"/>
/// subclasses (<see cref="Errors.AccessDeniedException"/> with AWS's reason text, ...).
/// </summary>
public sealed class DirectAccessFiles
{
    private readonly IAmazonS3 _s3;
    private readonly UploadTarget _target;
    private readonly Func<CancellationToken, Task<string>> _identityId;

    internal DirectAccessFiles(IAmazonS3 s3, S3BodyWriter writer, string bucket, UploadJournalStore journals, Func<CancellationToken, Task<string>> identityId)
    {
        _s3 = s3;
        _target = new UploadTarget(s3, writer, bucket, journals);
        _identityId = identityId;
    }

    /// <summary>The bucket.</summary>
    public string Bucket => _target.Bucket;

    /// <summary>The AWS SDK S3 client these calls use (signed with the session's credentials), for anything not wrapped here.</summary>
    public IAmazonS3 S3 => _s3;

    /// <summary>The full S3 key of <paramref name="key"/> at <paramref name="level"/> for this user.</summary>
    public async Task<string> FullKeyAsync(string key, AccessLevel level = AccessLevel.Private, CancellationToken ct = default) =>
        ObjectKeys.Full(level, await _identityId(ct).ConfigureAwait(false), key);

    /// <summary>
    /// Uploads a file to <c>&lt;prefix&gt;/&lt;key&gt;</c>: one <c>PutObject</c> up to the single-put threshold, else a
    /// parallel, checksummed, resumable multipart upload (re-running after a crash or kill continues from the journal).
    /// </summary>
    /// <param name="filePath">Local file.</param>
    /// <param name="key">Key relative to the access-level prefix, e.g. <c>isos/big.iso</c>.</param>
    /// <param name="options">Part size, concurrency, checksum, access level (defaults: 16 MiB, 8, CRC32, private).</param>
    /// <param name="progress">Receives bytes done/total, rate (bytes/s) and ETA.</param>
    /// <param name="ct">Cancels; the journal stays so a later call resumes (use <see cref="CancelUploadAsync"/> to abort).</param>
    /// <exception cref="Errors.AccessDeniedException">IAM refused (reason included).</exception>
    /// <exception cref="Errors.ChecksumMismatchException">The whole-object check failed.</exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="IOException">The file changed during the upload.</exception>
    public async Task<UploadResult> UploadAsync(string filePath, string key, UploadOptions? options = null, IProgress<TransferProgress>? progress = null, CancellationToken ct = default)
    {
        options ??= new UploadOptions();
        var fullKey = await FullKeyAsync(key, options.AccessLevel, ct).ConfigureAwait(false);
        await CleanUpStaleUploadsAsync(ct).ConfigureAwait(false);
        return await MultipartFileUpload.RunAsync(_target, filePath, fullKey, options, progress, ct).ConfigureAwait(false);
    }

    /// <summary>Uploads from a stream (read to its end; not resumable). Same key rules, checks and errors as the file overload.</summary>
    public async Task<UploadResult> UploadAsync(Stream content, string key, UploadOptions? options = null, IProgress<TransferProgress>? progress = null, CancellationToken ct = default)
    {
        options ??= new UploadOptions();
        var fullKey = await FullKeyAsync(key, options.AccessLevel, ct).ConfigureAwait(false);
        return await StreamUpload.RunAsync(_target, content, fullKey, options, progress, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Abandons an interrupted upload of <paramref name="filePath"/> to <paramref name="key"/>:
    /// <c>AbortMultipartUpload</c> and the journal deleted. Returns false when there was none.
    /// </summary>
    public async Task<bool> CancelUploadAsync(string filePath, string key, AccessLevel level = AccessLevel.Private, CancellationToken ct = default)
    {
        var fullKey = await FullKeyAsync(key, level, ct).ConfigureAwait(false);
        var journalPath = _target.Journals.PathFor(filePath, Bucket, fullKey);
        if (_target.Journals.Read(journalPath) is not { } journal)
        {
            return false;
        }

        await S3Calls.Run(async () =>
        {
            try
            {
                return await _s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = Bucket, Key = fullKey, UploadId = journal.Header.UploadId }, ct).ConfigureAwait(false);
            }
            catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchUpload")
            {
                return null!;
            }
        }).ConfigureAwait(false);
        _target.Journals.Delete(journalPath);
        return true;
    }

    /// <summary>
    /// Interrupted uploads on this machine whose journal is stale (file changed or gone, or older than 7 days) are
    /// aborted (best effort) and their journals deleted. Runs at the start of every file upload.
    /// </summary>
    public async Task<int> CleanUpStaleUploadsAsync(CancellationToken ct = default)
    {
        var cleaned = 0;
        foreach (var journal in _target.Journals.All().ToList())
        {
            if (UploadJournalStore.IsStale(journal, DateTime.UtcNow))
            {
                if (journal.Header.Bucket == Bucket)
                {
                    await MultipartFileUpload.AbortQuietlyAsync(_target, journal.Header, ct).ConfigureAwait(false);
                }

                _target.Journals.Delete(journal.JournalPath);
                cleaned++;
            }
        }

        return cleaned;
    }

    /// <summary>Downloads <paramref name="key"/> to <paramref name="destinationPath"/> (parallel ranges into <c>.partial</c>, then an atomic rename). Returns the size in bytes.</summary>
    /// <exception cref="Errors.AccessDeniedException">IAM refused.</exception>
    public async Task<long> DownloadAsync(string key, string destinationPath, DownloadOptions? options = null, IProgress<TransferProgress>? progress = null, CancellationToken ct = default)
    {
        options ??= new DownloadOptions();
        var fullKey = await FullKeyAsync(key, options.AccessLevel, ct).ConfigureAwait(false);
        return await ParallelDownload.RunAsync(_s3, Bucket, fullKey, destinationPath, options, progress, ct).ConfigureAwait(false);
    }

    /// <summary>Lists objects under the access-level prefix (+ <paramref name="prefix"/>), following <c>ListObjectsV2</c> continuation tokens.</summary>
    /// <param name="prefix">Relative prefix, e.g. <c>isos/</c>; empty for all.</param>
    /// <param name="level">Access level.</param>
    /// <param name="ct">Cancellation.</param>
    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix = "", AccessLevel level = AccessLevel.Private, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var root = ObjectKeys.Prefix(level, await _identityId(ct).ConfigureAwait(false));
        string? token = null;
        for (var page = 0; page < 100_000; page++)
        {
            var response = await S3Calls.Run(() => _s3.ListObjectsV2Async(new ListObjectsV2Request
            {
                BucketName = Bucket,
                Prefix = root + prefix.TrimStart('/'),
                ContinuationToken = token,
            }, ct)).ConfigureAwait(false);
            foreach (var item in response.S3Objects ?? [])
            {
                yield return new StoredObject(item.Key, item.Key[root.Length..], item.Size ?? 0, item.LastModified?.ToUniversalTime() ?? default, item.ETag);
            }

            if (response.IsTruncated != true || string.IsNullOrEmpty(response.NextContinuationToken))
            {
                yield break;
            }

            token = response.NextContinuationToken;
        }
    }

    /// <summary>Deletes <paramref name="key"/> (S3 answers success for a missing key too).</summary>
    public async Task DeleteAsync(string key, AccessLevel level = AccessLevel.Private, CancellationToken ct = default)
    {
        var fullKey = await FullKeyAsync(key, level, ct).ConfigureAwait(false);
        await S3Calls.Run(() => _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = Bucket, Key = fullKey }, ct)).ConfigureAwait(false);
    }

    /// <summary>
    /// A presigned URL (SigV4 query signing) for <paramref name="key"/>, valid for <paramref name="expiresIn"/> (at most
    /// the remaining lifetime of the session credentials, as with any temporary credentials).
    /// </summary>
    /// <param name="key">Relative key.</param>
    /// <param name="expiresIn">Validity.</param>
    /// <param name="verb">GET (download) or PUT (upload).</param>
    /// <param name="level">Access level.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<Uri> GetPresignedUrlAsync(string key, TimeSpan expiresIn, HttpVerb verb = HttpVerb.GET, AccessLevel level = AccessLevel.Private, CancellationToken ct = default)
    {
        var fullKey = await FullKeyAsync(key, level, ct).ConfigureAwait(false);
        var url = await _s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = Bucket,
            Key = fullKey,
            Verb = verb,
            Expires = DateTime.UtcNow + expiresIn,
            Protocol = _s3.Config.ServiceURL is { } serviceUrl && serviceUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS,
        }).ConfigureAwait(false);
        return new Uri(url);
    }
}
