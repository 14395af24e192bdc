namespace DirectAccess.Local.S3.Model;

/// <summary>An in-progress multipart upload (CreateMultipartUpload until Complete or Abort).</summary>
/// <param name="UploadId">Opaque id returned to the client.</param>
/// <param name="Bucket">Bucket name.</param>
/// <param name="Key">Object key.</param>
/// <param name="Initiated">Creation time, UTC.</param>
/// <param name="Headers">Headers and metadata the completed object will carry.</param>
/// <param name="ChecksumAlgorithm">Algorithm every part is checksummed with, or null.</param>
/// <param name="ChecksumType"><c>COMPOSITE</c> or <c>FULL_OBJECT</c> when an algorithm is set, else null.</param>
/// <param name="InitiatorArn">ARN of the caller that created it (reported as <c>Initiator</c>).</param>
public sealed record MultipartUpload(
    string UploadId,
    string Bucket,
    string Key,
    DateTimeOffset Initiated,
    ObjectHeaders Headers,
    string? ChecksumAlgorithm,
    string? ChecksumType,
    string InitiatorArn);
