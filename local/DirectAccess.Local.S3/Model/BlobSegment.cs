namespace DirectAccess.Local.S3.Model;

/// <summary>
/// One committed data file of an object, in order. A single-part object has one segment; a multipart object keeps its
/// parts' files as segments, so completing an upload moves no data.
/// </summary>
/// <param name="Blob">File name under <c>&lt;data-dir&gt;/s3/blobs/</c> (see <see cref="Storage.S3DataDirectory"/>).</param>
/// <param name="Length">Length in bytes.</param>
public sealed record BlobSegment(string Blob, long Length);
