using System.Buffers;
using DirectAccess.Local.S3.Model;
using DirectAccess.Local.S3.Protocol;
using Microsoft.Win32.SafeHandles;

namespace DirectAccess.Local.S3.Storage;

/// <summary>
/// An object's data files opened for reading. All segments are opened up front, before any response byte is sent, so
/// a concurrent overwrite or delete (which unlinks the files) cannot cut a response short: open handles keep reading
/// the old data. Each file's length is checked against the catalog so a damaged store fails loudly.
/// </summary>
public sealed class ObjectContent : IDisposable
{
    private const int BufferSize = 256 * 1024;
    private readonly SafeFileHandle[] _handles;
    private readonly long[] _lengths;

    private ObjectContent(SafeFileHandle[] handles, long[] lengths)
    {
        _handles = handles;
        _lengths = lengths;
    }

    /// <summary>Opens every segment of <paramref name="stored"/>.</summary>
    /// <exception cref="S3Exception">500 <c>InternalError</c> when a file is missing or has the wrong length.</exception>
    public static ObjectContent Open(S3DataDirectory directory, StoredObject stored)
    {
        var handles = new List<SafeFileHandle>(stored.Segments.Count);
        try
        {
            foreach (var segment in stored.Segments)
            {
                var handle = File.OpenHandle(directory.BlobPath(segment.Blob), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                handles.Add(handle);
                if (RandomAccess.GetLength(handle) != segment.Length)
                {
                    throw S3Errors.InternalError("Stored data does not match its recorded length.");
                }
            }

            return new ObjectContent([.. handles], stored.Segments.Select(s => s.Length).ToArray());
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            handles.ForEach(h => h.Dispose());
            throw S3Errors.InternalError("Stored data is missing.");
        }
        catch
        {
            handles.ForEach(h => h.Dispose());
            throw;
        }
    }

    /// <summary>Copies bytes [<paramref name="offset"/>, <paramref name="offset"/> + <paramref name="count"/>) to <paramref name="destination"/>.</summary>
    public async Task CopyToAsync(Stream destination, long offset, long count, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var segmentStart = 0L;
            for (var i = 0; i < _handles.Length && count > 0; i++)
            {
                var segmentEnd = segmentStart + _lengths[i];
                if (offset < segmentEnd)
                {
                    var position = offset - segmentStart;
                    while (position < _lengths[i] && count > 0)
                    {
                        var want = (int)Math.Min(Math.Min(buffer.Length, _lengths[i] - position), count);
                        var read = await RandomAccess.ReadAsync(_handles[i], buffer.AsMemory(0, want), position, cancellationToken);
                        if (read == 0)
                        {
                            throw S3Errors.InternalError("Stored data ended early.");
                        }

                        await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                        position += read;
                        offset += read;
                        count -= read;
                    }
                }

                segmentStart = segmentEnd;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Closes the files.</summary>
    public void Dispose()
    {
        foreach (var handle in _handles)
        {
            handle.Dispose();
        }
    }
}
