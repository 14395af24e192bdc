using System.Buffers;
using System.Security.Cryptography;

namespace DirectAccess.Functions.Storage;

/// <summary>
/// Hashes a stream of any length with SHA-256 while counting its bytes, holding one pooled 128 KiB buffer at a time
/// (so a multi-GB object costs constant memory).
/// </summary>
public static class StreamingSha256
{
    private const int BufferBytes = 128 * 1024;

    /// <summary>Reads <paramref name="source"/> to its end.</summary>
    /// <param name="source">The stream to hash; read, not disposed.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The byte count and the hash as 64 lowercase hex digits.</returns>
    public static async Task<(long Size, string Sha256)> HashAsync(Stream source, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            long size = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferBytes), cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                size += read;
            }

            return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
