using System.Security.Cryptography;
using DirectAccess.Checksums;
using DirectAccess.Local.S3.Model;

namespace DirectAccess.Local.S3.Storage;

/// <summary>
/// A write-only stream into a new temporary file that computes the MD5 (for the ETag) and, optionally, a flexible
/// checksum of everything written. <see cref="SealAsync"/> hands the file over as a <see cref="ReceivedBody"/>; disposing an
/// unsealed instance deletes the file.
/// </summary>
public sealed class HashingTempFile : Stream
{
    private readonly FileStream _file;
    private readonly IncrementalHash _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
    private readonly IncrementalChecksum? _checksum;
    private readonly string _path;
    private bool _sealed;

    /// <summary>Creates the file under the temp folder of <paramref name="directory"/>.</summary>
    /// <param name="directory">The S3 data directory.</param>
    /// <param name="expectedLength">Bytes to preallocate (0 when unknown).</param>
    /// <param name="checksumAlgorithm">Flexible checksum to compute, or null.</param>
    public HashingTempFile(S3DataDirectory directory, long expectedLength, string? checksumAlgorithm)
    {
        _path = directory.NewTempPath();
        _file = new FileStream(_path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 0,
            // Reserving space up front keeps large bodies contiguous; for small ones the extra syscall is not worth it.
            PreallocationSize = expectedLength >= 1024 * 1024 ? expectedLength : 0,
        });
        _checksum = checksumAlgorithm is null ? null : ChecksumAlgorithms.Create(checksumAlgorithm);
    }

    /// <summary>Bytes written so far.</summary>
    public long Written { get; private set; }

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override long Length => Written;

    /// <inheritdoc />
    public override long Position { get => Written; set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _md5.AppendData(buffer.Span);
        _checksum?.Append(buffer.Span);
        await _file.WriteAsync(buffer, cancellationToken);
        Written += buffer.Length;
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, default).GetAwaiter().GetResult();

    /// <summary>The MD5 digest so far is final: closes the file and hands it over with its digests.</summary>
    /// <param name="checksumValidator">Given the computed Base64 checksum (null when none), returns the checksum to store
    /// or throws to reject the body (the file is then deleted by <see cref="Dispose(bool)"/>).</param>
    public async Task<ReceivedBody> SealAsync(Func<string?, ObjectChecksum?> checksumValidator)
    {
        await _file.DisposeAsync();
        var computed = _checksum?.GetBase64AndReset();
        var stored = checksumValidator(computed);
        var md5 = _md5.GetHashAndReset();
        _sealed = true;
        return new ReceivedBody(_path, Written, md5, stored);
    }

    /// <summary>The MD5 of what was written so far (does not reset).</summary>
    public byte[] CurrentMd5() => _md5.GetCurrentHash();

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
            _md5.Dispose();
            if (!_sealed)
            {
                S3DataDirectory.TryDelete(_path);
            }
        }

        base.Dispose(disposing);
    }
}
