using DirectAccess.Local.S3.Model;

namespace DirectAccess.Local.S3.Storage;

/// <summary>
/// A request body fully received into a temporary file and verified (length, Content-MD5, flexible checksum). Disposing
/// it deletes the temporary file unless <see cref="CommitTo"/> moved it into the blob store.
/// </summary>
public sealed class ReceivedBody : IDisposable
{
    private string? _tempPath;

    /// <summary>Wraps a verified temporary file.</summary>
    public ReceivedBody(string tempPath, long length, byte[] md5, ObjectChecksum? checksum)
    {
        _tempPath = tempPath;
        Length = length;
        Md5 = md5;
        Checksum = checksum;
    }

    /// <summary>Length in bytes.</summary>
    public long Length { get; }

    /// <summary>MD5 digest (16 bytes) of the body.</summary>
    public byte[] Md5 { get; }

    /// <summary>Hex MD5, the single-part ETag.</summary>
    public string ETag => Convert.ToHexStringLower(Md5);

    /// <summary>The flexible checksum computed over the body (type <c>FULL_OBJECT</c>), or null when none was asked for.</summary>
    public ObjectChecksum? Checksum { get; }

    /// <summary>Renames the file into the blob store; returns the blob name. Call at most once.</summary>
    /// <exception cref="InvalidOperationException">When already committed.</exception>
    public string CommitTo(S3DataDirectory directory)
    {
        var path = _tempPath ?? throw new InvalidOperationException("The body was already committed.");
        var blob = directory.Commit(path);
        _tempPath = null;
        return blob;
    }

    /// <summary>Deletes the temporary file if it was not committed.</summary>
    public void Dispose()
    {
        if (_tempPath is not null)
        {
            S3DataDirectory.TryDelete(_tempPath);
            _tempPath = null;
        }
    }
}
