namespace DirectAccess.Local.S3.Protocol;

/// <summary>
/// The S3 errors this service raises, with S3's own codes, statuses and message texts (S3 API reference, "List of error
/// codes").
/// </summary>
public static class S3Errors
{
    /// <summary>404 <c>NoSuchBucket</c>.</summary>
    public static S3Exception NoSuchBucket(string bucket) =>
        new(404, "NoSuchBucket", "The specified bucket does not exist", ("BucketName", bucket));

    /// <summary>404 <c>NoSuchKey</c>.</summary>
    public static S3Exception NoSuchKey(string key) =>
        new(404, "NoSuchKey", "The specified key does not exist.", ("Key", key));

    /// <summary>404 <c>NoSuchUpload</c>.</summary>
    public static S3Exception NoSuchUpload(string uploadId) =>
        new(404, "NoSuchUpload",
            "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
            ("UploadId", uploadId));

    /// <summary>403 <c>AccessDenied</c> with the authorizer's reason text.</summary>
    public static S3Exception AccessDenied(string message) => new(403, "AccessDenied", message);

    /// <summary>501 <c>NotImplemented</c> for operations and features this local S3 does not serve.</summary>
    public static S3Exception NotImplemented(string what) =>
        new(501, "NotImplemented", $"A header or query you provided implies functionality that is not implemented: {what}");

    /// <summary>400 <c>InvalidArgument</c>.</summary>
    public static S3Exception InvalidArgument(string message, string name, string value) =>
        new(400, "InvalidArgument", message, ("ArgumentName", name), ("ArgumentValue", value));

    /// <summary>400 <c>InvalidRequest</c>.</summary>
    public static S3Exception InvalidRequest(string message) => new(400, "InvalidRequest", message);

    /// <summary>400 <c>InvalidDigest</c>: a <c>Content-MD5</c> that is not Base64 of 16 bytes.</summary>
    public static S3Exception InvalidDigest() =>
        new(400, "InvalidDigest", "The Content-MD5 you specified is not valid.");

    /// <summary>400 <c>BadDigest</c>: the body's MD5 differs from <c>Content-MD5</c>.</summary>
    public static S3Exception BadContentMd5() =>
        new(400, "BadDigest", "The Content-MD5 you specified did not match what we received.");

    /// <summary>400 <c>BadDigest</c>: the body's flexible checksum differs from the one sent.</summary>
    public static S3Exception BadChecksum(string algorithm) =>
        new(400, "BadDigest", $"The {algorithm} you specified did not match the calculated checksum.");

    /// <summary>400 <c>IncompleteBody</c>: fewer bytes arrived than declared.</summary>
    public static S3Exception IncompleteBody() =>
        new(400, "IncompleteBody", "You did not provide the number of bytes specified by the Content-Length HTTP header");

    /// <summary>411 <c>MissingContentLength</c>.</summary>
    public static S3Exception MissingContentLength() =>
        new(411, "MissingContentLength", "You must provide the Content-Length HTTP header.");

    /// <summary>400 <c>EntityTooLarge</c> (objects and parts are limited to 5 GiB).</summary>
    public static S3Exception EntityTooLarge(long size, long max) =>
        new(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size",
            ("ProposedSize", size.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("MaxSizeAllowed", max.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>400 <c>EntityTooSmall</c>: a part other than the last is under 5 MiB.</summary>
    public static S3Exception EntityTooSmall(long size, long min) =>
        new(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size",
            ("ProposedSize", size.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("MinSizeAllowed", min.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>400 <c>InvalidPartOrder</c>.</summary>
    public static S3Exception InvalidPartOrder() =>
        new(400, "InvalidPartOrder", "The list of parts was not in ascending order. Parts must be ordered by part number.");

    /// <summary>400 <c>MalformedXML</c>.</summary>
    public static S3Exception MalformedXml() =>
        new(400, "MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema");

    /// <summary>412 <c>PreconditionFailed</c> naming the failed condition header.</summary>
    public static S3Exception PreconditionFailed(string condition) =>
        new(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold", ("Condition", condition));

    /// <summary>416 <c>InvalidRange</c>.</summary>
    public static S3Exception InvalidRange(string range, long size) =>
        new(416, "InvalidRange", "The requested range is not satisfiable",
            ("RangeRequested", range), ("ActualObjectSize", size.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>500 <c>InternalError</c>, e.g. a stored file that no longer matches its recorded length.</summary>
    public static S3Exception InternalError(string message) => new(500, "InternalError", message);
}
