using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using DirectAccess.Checksums;
using Microsoft.Win32.SafeHandles;

namespace DirectAccess.Client.Files.Upload;

/// <summary>
/// A part body read straight from the file and sent as <c>aws-chunked</c> with the checksum in a trailer
/// (<c>x-amz-content-sha256: STREAMING-UNSIGNED-PAYLOAD-TRAILER</c>, S3 API reference "Using trailing checksums"):
/// <c>&lt;hex len&gt;\r\n&lt;data&gt;\r\n … 0\r\nx-amz-checksum-crc32:&lt;b64&gt;\r\n\r\n</c>. The checksum is computed while
/// the bytes stream out, so a part never sits whole in memory: one small chunk buffer per part in flight.
/// </summary>
internal sealed class ChunkedTrailerContent : HttpContent
{
    /// <summary>Bytes per aws-chunked chunk (and the only buffer): 256 KiB.</summary>
    public const int ChunkSize = 256 * 1024;

    private readonly SafeFileHandle _file;
    private readonly long _offset;
    private readonly int _length;
    private readonly string _algorithm;

    public ChunkedTrailerContent(SafeFileHandle file, long offset, int length, string algorithm)
    {
        _file = file;
        _offset = offset;
        _length = length;
        _algorithm = algorithm.ToUpperInvariant();
        Headers.ContentLength = EncodedLength(length, _algorithm);
    }

    /// <summary>The trailer header name, e.g. <c>x-amz-checksum-crc32</c>.</summary>
    public string TrailerName => ChecksumAlgorithms.HeaderName(_algorithm);

    /// <summary>The part's Base64 checksum, known once the body has been sent.</summary>
    public string? Checksum { get; private set; }

    /// <summary>Bytes on the wire for <paramref name="length"/> data bytes.</summary>
    public static long EncodedLength(int length, string algorithm)
    {
        long total = 0;
        for (var remaining = length; remaining > 0; remaining -= ChunkSize)
        {
            var chunk = Math.Min(ChunkSize, remaining);
            total += chunk.ToString("x", CultureInfo.InvariantCulture).Length + 2 + chunk + 2;
        }

        total += 3; // "0\r\n"
        total += ChecksumAlgorithms.HeaderName(algorithm).Length + 1 + Base64Length(algorithm) + 2 + 2;
        return total;
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var checksum = ChecksumAlgorithms.Create(_algorithm);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize + 64);
        try
        {
            var sent = 0;
            while (sent < _length)
            {
                var chunk = Math.Min(ChunkSize, _length - sent);
                var header = Encoding.ASCII.GetBytes(chunk.ToString("x", CultureInfo.InvariantCulture) + "\r\n");
                header.CopyTo(buffer, 0);
                var data = buffer.AsMemory(header.Length, chunk);
                var filled = 0;
                while (filled < chunk)
                {
                    var read = await RandomAccess.ReadAsync(_file, data[filled..], _offset + sent + filled, cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        throw new IOException("The file ended early: it changed during the upload.");
                    }

                    filled += read;
                }

                checksum.Append(data.Span);
                buffer[header.Length + chunk] = (byte)'\r';
                buffer[header.Length + chunk + 1] = (byte)'\n';
                await stream.WriteAsync(buffer.AsMemory(0, header.Length + chunk + 2), cancellationToken).ConfigureAwait(false);
                sent += chunk;
            }

            Checksum = checksum.GetBase64AndReset();
            var trailer = Encoding.ASCII.GetBytes($"0\r\n{TrailerName}:{Checksum}\r\n\r\n");
            await stream.WriteAsync(trailer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = EncodedLength(_length, _algorithm);
        return true;
    }

    private static int Base64Length(string algorithm) => algorithm switch
    {
        "CRC32" or "CRC32C" => 8,
        "SHA1" => 28,
        "SHA256" => 44,
        _ => throw new ArgumentException($"Unsupported checksum algorithm '{algorithm}'."),
    };
}
