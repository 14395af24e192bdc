using System.Buffers;
using System.Security.Cryptography;

namespace DirectAccess.Cli.Commands.Demo;

/// <summary>The file the demo uploads: generated (pseudo-random, not compressible) or the user's, with its SHA-256.</summary>
public static class DemoFile
{
    private const int BufferSize = 4 << 20;

    /// <summary>Writes <paramref name="size"/> bytes of fresh random data to <paramref name="path"/>, hashing as it goes. Returns lowercase hex SHA-256.</summary>
    public static async Task<string> GenerateAsync(string path, long size, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            file.SetLength(size);
            // A seeded PRNG is ~10× faster than the CSPRNG and just as incompressible for a transfer test.
            var random = new Random(Environment.TickCount);
            for (long written = 0; written < size;)
            {
                var count = (int)Math.Min(BufferSize, size - written);
                random.NextBytes(buffer.AsSpan(0, count));
                sha.AppendData(buffer, 0, count);
                await file.WriteAsync(buffer.AsMemory(0, count), ct);
                written += count;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Lowercase hex SHA-256 of an existing file, streamed.</summary>
    public static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, ct));
    }
}
