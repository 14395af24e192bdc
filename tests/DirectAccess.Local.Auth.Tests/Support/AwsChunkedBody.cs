using System.Text;

namespace DirectAccess.Local.Auth.Tests.Support;

/// <summary>Builds <c>aws-chunked</c> bodies by hand (S3 API reference, "Transferring Payload in Multiple Chunks").</summary>
public static class AwsChunkedBody
{
    /// <summary>Signed chunks of <paramref name="chunkSize"/> bytes chained from <paramref name="seedSignature"/>, then the final chunk.</summary>
    public static byte[] Signed(TestSigner signer, string seedSignature, byte[] data, int chunkSize)
    {
        using var body = new MemoryStream();
        var previous = seedSignature;
        for (var offset = 0; ; offset += chunkSize)
        {
            var chunk = data.AsSpan(Math.Min(offset, data.Length), Math.Max(0, Math.Min(chunkSize, data.Length - offset)));
            previous = signer.ChunkSignature(previous, chunk);
            Write(body, $"{chunk.Length:x};chunk-signature={previous}\r\n");
            body.Write(chunk);
            Write(body, "\r\n");
            if (chunk.Length == 0)
            {
                break;
            }
        }

        return body.ToArray();
    }

    /// <summary>Unsigned chunks then trailers (<c>STREAMING-UNSIGNED-PAYLOAD-TRAILER</c>).</summary>
    public static byte[] UnsignedWithTrailers(byte[] data, int chunkSize, IEnumerable<(string Name, string Value)> trailers, bool finalChunk = true)
    {
        using var body = new MemoryStream();
        for (var offset = 0; offset < data.Length; offset += chunkSize)
        {
            var chunk = data.AsSpan(offset, Math.Min(chunkSize, data.Length - offset));
            Write(body, $"{chunk.Length:x}\r\n");
            body.Write(chunk);
            Write(body, "\r\n");
        }

        if (finalChunk)
        {
            Write(body, "0\r\n");
            foreach (var (name, value) in trailers)
            {
                Write(body, $"{name}:{value}\r\n");
            }

            Write(body, "\r\n");
        }

        return body.ToArray();
    }

    private static void Write(Stream stream, string text) => stream.Write(Encoding.ASCII.GetBytes(text));
}
