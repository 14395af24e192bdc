using System.Globalization;
using System.Security.Cryptography;
using DirectAccess.Local.Security;

namespace DirectAccess.Local.Auth.Payload;

/// <summary>
/// Decodes an <c>aws-chunked</c> S3 payload (S3 API reference, "Signature Calculations for the Authorization Header:
/// Transferring Payload in Multiple Chunks" and "... Including Trailing Headers"):
/// <c>&lt;hex size&gt;[;chunk-signature=&lt;sig&gt;]\r\n&lt;data&gt;\r\n</c> repeated, then a zero-size chunk, then
/// trailing <c>name:value\r\n</c> lines (with <c>x-amz-trailer-signature</c> when signed) and an empty line.
/// Chunk signatures (for the signed modes) are verified as each chunk ends, the trailer signature at
/// the end; the decoded length must equal <c>x-amz-decoded-content-length</c> when sent; the trailers must be exactly
/// those named in <c>x-amz-trailer</c>. Failures throw <see cref="PayloadVerificationException"/>.
/// </summary>
internal sealed class AwsChunkedPayloadStream : ReadOnlyPayloadStream
{
    private const string ChunkSignaturePrefix = "chunk-signature=";

    /// <summary>Most trailing headers accepted (S3 sends one checksum; the bound keeps a hostile body finite).</summary>
    private const int MaxTrailers = 16;

    private readonly ChunkedBodyReader _reader;
    private readonly ChunkSignatureChain? _chain;
    private readonly bool _trailerSigned;
    private readonly IReadOnlySet<string> _declaredTrailers;
    private readonly long? _decodedLength;
    private readonly IncrementalHash? _chunkHash;
    private readonly Dictionary<string, string> _trailers = new(StringComparer.Ordinal);
    private long _remainingInChunk;
    private string? _chunkSignature;
    private bool _inChunk;
    private bool _finished;
    private long _decoded;

    /// <param name="inner">The raw request body.</param>
    /// <param name="chain">The signature chain for signed chunks; null for <c>STREAMING-UNSIGNED-PAYLOAD-TRAILER</c>.</param>
    /// <param name="trailerSigned">True for <c>STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER</c>.</param>
    /// <param name="declaredTrailers">Lower-case names from <c>x-amz-trailer</c> (empty: no trailers allowed).</param>
    /// <param name="decodedLength"><c>x-amz-decoded-content-length</c>, when sent.</param>
    public AwsChunkedPayloadStream(Stream inner, ChunkSignatureChain? chain, bool trailerSigned,
        IReadOnlySet<string> declaredTrailers, long? decodedLength)
    {
        _reader = new ChunkedBodyReader(inner);
        _chain = chain;
        _trailerSigned = trailerSigned;
        _declaredTrailers = declaredTrailers;
        _decodedLength = decodedLength;
        _chunkHash = chain is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    }

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string> Trailers => _finished ? _trailers : EmptyTrailers;

    /// <inheritdoc />
    public override long? DecodedLength => _decodedLength;

    private static readonly IReadOnlyDictionary<string, string> EmptyTrailers = new Dictionary<string, string>();

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.Length == 0)
        {
            return 0;
        }

        while (!_finished && _remainingInChunk == 0)
        {
            if (_inChunk)
            {
                await EndChunkAsync(cancellationToken);
            }

            await BeginChunkAsync(cancellationToken);
        }

        if (_finished)
        {
            return 0;
        }

        var want = (int)Math.Min(buffer.Length, _remainingInChunk);
        var count = await _reader.ReadDataAsync(buffer[..want], cancellationToken);
        if (count == 0)
        {
            throw PayloadErrors.IncompleteBody();
        }

        _remainingInChunk -= count;
        _chunkHash?.AppendData(buffer.Span[..count]);
        return count;
    }

    private async ValueTask BeginChunkAsync(CancellationToken cancellationToken)
    {
        var header = await _reader.ReadLineAsync(cancellationToken);
        var (size, signature) = ParseChunkHeader(header);
        _chunkSignature = signature;
        if (size == 0)
        {
            VerifyChunkSignature(ReadOnlySpan<byte>.Empty);
            await ReadTrailersAsync(cancellationToken);
            if (!await _reader.IsAtEndAsync(cancellationToken))
            {
                throw PayloadErrors.InvalidFraming("data follows the final chunk");
            }

            Finish();
            return;
        }

        _decoded += size;
        if (_decoded > _decodedLength)
        {
            throw PayloadErrors.InvalidFraming("more data than x-amz-decoded-content-length");
        }

        _remainingInChunk = size;
        _inChunk = true;
    }

    private async ValueTask EndChunkAsync(CancellationToken cancellationToken)
    {
        await _reader.ExpectCrlfAsync(cancellationToken);
        if (_chunkHash is not null)
        {
            VerifyChunkSignature(_chunkHash.GetHashAndReset());
        }

        _inChunk = false;
    }

    private void VerifyChunkSignature(ReadOnlySpan<byte> hash)
    {
        if (_chain is null)
        {
            return;
        }

        if (hash.IsEmpty)
        {
            hash = SHA256.HashData(ReadOnlySpan<byte>.Empty);
        }

        if (!_chain.VerifyChunk(hash, _chunkSignature!))
        {
            throw PayloadErrors.SignatureMismatch("chunk-signature");
        }
    }

    private (long Size, string? Signature) ParseChunkHeader(string header)
    {
        var semicolon = header.IndexOf(';');
        var sizeText = semicolon < 0 ? header : header[..semicolon];
        if (sizeText.Length is 0 or > 15 ||
            !long.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size))
        {
            throw PayloadErrors.InvalidFraming($"bad chunk size '{sizeText}'");
        }

        if (_chain is null)
        {
            return (size, null);
        }

        var extension = semicolon < 0 ? "" : header[(semicolon + 1)..];
        if (!extension.StartsWith(ChunkSignaturePrefix, StringComparison.Ordinal))
        {
            throw PayloadErrors.SignatureMismatch("a signed chunk must carry chunk-signature");
        }

        return (size, extension[ChunkSignaturePrefix.Length..]);
    }

    private async ValueTask ReadTrailersAsync(CancellationToken cancellationToken)
    {
        string? trailerSignature = null;
        for (var count = 0; ; count++)
        {
            var line = await _reader.ReadLineAsync(cancellationToken);
            if (line.Length == 0)
            {
                break;
            }

            if (count >= MaxTrailers)
            {
                throw PayloadErrors.MalformedTrailer("too many trailing headers");
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                throw PayloadErrors.MalformedTrailer($"'{line}' is not name:value");
            }

            var name = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (name == SigV4.SigV4Names.TrailerSignatureName)
            {
                trailerSignature = value;
                continue;
            }

            if (!_declaredTrailers.Contains(name) || !_trailers.TryAdd(name, value))
            {
                throw PayloadErrors.MalformedTrailer($"'{name}' was not declared in x-amz-trailer or came twice");
            }
        }

        if (_trailers.Count != _declaredTrailers.Count)
        {
            throw PayloadErrors.MalformedTrailer("a trailer named in x-amz-trailer was not sent");
        }

        if (_trailerSigned)
        {
            if (trailerSignature is null || !_chain!.VerifyTrailer(_trailers, trailerSignature))
            {
                throw PayloadErrors.SignatureMismatch("x-amz-trailer-signature");
            }
        }
        else if (trailerSignature is not null)
        {
            throw PayloadErrors.MalformedTrailer("x-amz-trailer-signature sent with an unsigned-trailer payload");
        }
    }

    private void Finish()
    {
        if (_decodedLength is { } declared && _decoded != declared)
        {
            throw PayloadErrors.IncompleteBody();
        }

        _finished = true;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _chunkHash?.Dispose();
        }

        base.Dispose(disposing);
    }
}
