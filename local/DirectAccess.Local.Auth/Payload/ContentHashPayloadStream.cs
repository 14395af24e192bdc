using System.Security.Cryptography;
using DirectAccess.Local.Auth.SigV4;
using DirectAccess.Local.Security;

namespace DirectAccess.Local.Auth.Payload;

/// <summary>
/// A plain (not <c>aws-chunked</c>) S3 payload: passes the bytes through, and when the signed
/// <c>x-amz-content-sha256</c> is a hex hash, hashes them and throws <c>XAmzContentSHA256Mismatch</c> at end of stream
/// if they differ (S3 API reference, "Signature Calculations for the Authorization Header: Transferring Payload in a
/// Single Chunk"). <c>UNSIGNED-PAYLOAD</c> passes through unhashed. A body shorter than its Content-Length throws
/// <c>IncompleteBody</c>.
/// </summary>
internal sealed class ContentHashPayloadStream : ReadOnlyPayloadStream
{
    private readonly Stream _inner;
    private readonly IncrementalHash? _hash;
    private readonly byte[]? _expectedHash;
    private readonly long? _declaredLength;
    private long _read;
    private bool _finished;

    /// <param name="inner">The request body.</param>
    /// <param name="expectedHexSha256">The signed hash; null for <c>UNSIGNED-PAYLOAD</c>.</param>
    /// <param name="declaredLength">Content-Length, when sent.</param>
    public ContentHashPayloadStream(Stream inner, string? expectedHexSha256, long? declaredLength)
    {
        _inner = inner;
        _declaredLength = declaredLength;
        if (expectedHexSha256 is not null)
        {
            _expectedHash = Convert.FromHexString(expectedHexSha256);
            _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        }
    }

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> Trailers { get; } = new Dictionary<string, string>();

    /// <inheritdoc />
    public override long? DecodedLength => _declaredLength;

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_finished || buffer.Length == 0)
        {
            return 0;
        }

        int count;
        try
        {
            count = await _inner.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException error) when (error is not PayloadVerificationException)
        {
            throw PayloadErrors.IncompleteBody(error);
        }

        if (count == 0)
        {
            Finish();
            return 0;
        }

        _read += count;
        if (_read > _declaredLength)
        {
            throw PayloadErrors.InvalidFraming("more bytes than Content-Length");
        }

        _hash?.AppendData(buffer.Span[..count]);
        return count;
    }

    private void Finish()
    {
        _finished = true;
        if (_declaredLength is { } declared && _read != declared)
        {
            throw PayloadErrors.IncompleteBody();
        }

        if (_hash is not null && !SignatureMath.FixedTimeEquals(_hash.GetHashAndReset(), _expectedHash!))
        {
            throw PayloadErrors.ContentSha256Mismatch();
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash?.Dispose();
        }

        base.Dispose(disposing);
    }
}
