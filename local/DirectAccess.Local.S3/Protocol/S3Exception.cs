namespace DirectAccess.Local.S3.Protocol;

/// <summary>
/// An S3 error response (S3 API reference, "Error responses"): HTTP status, AWS error code, message, and the extra
/// elements S3 adds for some codes (e.g. <c>Key</c> for <c>NoSuchKey</c>, <c>BucketName</c> for <c>NoSuchBucket</c>).
/// Thrown by operations and rendered by the handler as <c>&lt;Error&gt;</c> XML.
/// </summary>
public sealed class S3Exception(int statusCode, string code, string message, params (string Name, string Value)[] details)
    : Exception(message)
{
    /// <summary>HTTP status code, e.g. 404.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>AWS error code, e.g. <c>NoSuchKey</c>.</summary>
    public string Code { get; } = code;

    /// <summary>Extra XML elements written after <c>Message</c>, in order.</summary>
    public IReadOnlyList<(string Name, string Value)> Details { get; } = details;
}
