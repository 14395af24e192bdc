using System.Collections.Concurrent;

namespace DirectAccess.Client.Files.Upload;

/// <summary>
/// A fixed number of part-sized buffers shared by the workers of one transfer, so memory stays at
/// concurrency × part size however large the file. Buffers are allocated on first use and dropped with the pool.
/// </summary>
internal sealed class PartBufferPool
{
    private readonly ConcurrentBag<byte[]> _free = [];
    private readonly SemaphoreSlim _available;
    private readonly int _bufferSize;

    public PartBufferPool(int count, int bufferSize)
    {
        _available = new SemaphoreSlim(count, count);
        _bufferSize = bufferSize;
    }

    public async Task<byte[]> RentAsync(CancellationToken ct)
    {
        await _available.WaitAsync(ct).ConfigureAwait(false);
        return _free.TryTake(out var buffer) ? buffer : GC.AllocateUninitializedArray<byte>(_bufferSize);
    }

    public void Return(byte[] buffer)
    {
        _free.Add(buffer);
        _available.Release();
    }
}
