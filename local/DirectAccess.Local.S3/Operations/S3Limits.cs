namespace DirectAccess.Local.S3.Operations;

/// <summary>S3's documented size limits (S3 user guide, "Amazon S3 multipart upload limits"). Bytes.</summary>
public static class S3Limits
{
    /// <summary>Largest single PutObject / CopyObject / UploadPart body: 5 GiB.</summary>
    public const long MaxSingleUpload = 5L * 1024 * 1024 * 1024;

    /// <summary>Smallest part other than the last: 5 MiB.</summary>
    public const long MinPartSize = 5L * 1024 * 1024;

    /// <summary>Highest part number: 10,000.</summary>
    public const int MaxPartNumber = 10_000;

    /// <summary>Most keys per listing page and per DeleteObjects request: 1,000.</summary>
    public const int MaxKeys = 1000;
}
