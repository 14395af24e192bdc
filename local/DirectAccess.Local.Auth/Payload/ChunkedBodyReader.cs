using System.Text;
using DirectAccess.Local.Security;

namespace DirectAccess.Local.Auth.Payload;

/// <summary>
/// Reads the <c>aws-chunked</c> framing from the request body: CRLF-terminated ASCII lines (chunk headers, trailers)
/// and raw chunk data, through one small buffer. Lines are bounded in length; a body that ends early throws
/// <c>IncompleteBody</c>.
/// </summary>
internal sealed class ChunkedBodyReader(Stream inner)
{
    /// <summary>Longest line accepted: a chunk header is under 100 bytes, a checksum trailer well under 200.</summary>
    public const int MaxLineLength = 4096;

    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    /// <summary>Reads one line without its CRLF.</summary>
    /// <exception cref="PayloadVerificationException">IncompleteBody at end of body; InvalidRequest for an over-long or bare-LF line.</exception>
    public async ValueTask<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                throw PayloadErrors.IncompleteBody();
            }

            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var stop = newline < 0 ? _end : newline;
            line.Append(Encoding.ASCII.GetString(_buffer, _start, stop - _start));
            _start = newline < 0 ? _end : newline + 1;
            if (line.Length > MaxLineLength)
            {
                throw PayloadErrors.InvalidFraming("a chunk header or trailer line is too long");
            }

            if (newline >= 0)
            {
                if (line.Length == 0 || line[^1] != '\r')
                {
                    throw PayloadErrors.InvalidFraming("lines must end with CRLF");
                }

                return line.ToString(0, line.Length - 1);
            }
        }
    }

    /// <summary>Reads up to <paramref name="destination"/>.Length data bytes; 0 only at end of body.</summary>
    public async ValueTask<int> ReadDataAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        if (_start < _end)
        {
            var count = Math.Min(destination.Length, _end - _start);
            _buffer.AsMemory(_start, count).CopyTo(destination);
            _start += count;
            return count;
        }

        // Large reads skip the buffer: chunk data is most of the body.
        return await ReadInnerAsync(destination, cancellationToken);
    }

    /// <summary>Consumes the CRLF that ends a chunk's data.</summary>
    public async ValueTask ExpectCrlfAsync(CancellationToken cancellationToken)
    {
        if (await ReadLineAsync(cancellationToken) != "")
        {
            throw PayloadErrors.InvalidFraming("chunk data is longer than its declared size");
        }
    }

    /// <summary>True when nothing follows in the body (checked once the final chunk and trailers are read).</summary>
    public async ValueTask<bool> IsAtEndAsync(CancellationToken cancellationToken) =>
        _start == _end && !await FillAsync(cancellationToken);

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await ReadInnerAsync(_buffer, cancellationToken);
        return _end > 0;
    }

    private async ValueTask<int> ReadInnerAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.ReadAsync(destination, cancellationToken);
        }
        catch (IOException error) when (error is not PayloadVerificationException)
        {
            throw PayloadErrors.IncompleteBody(error);
        }
    }
}
