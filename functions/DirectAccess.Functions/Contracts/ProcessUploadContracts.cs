namespace DirectAccess.Functions.Contracts;

/// <summary>The <c>ProcessUpload</c> payload.</summary>
/// <param name="Key">The full S3 key of the caller's object, <c>private/&lt;identity id&gt;/...</c>.</param>
public sealed record ProcessUploadRequest(string? Key);

/// <summary>The <c>ProcessUpload</c> response: facts about the object, computed by reading all of it.</summary>
/// <param name="Key">The full S3 key.</param>
/// <param name="Size">The object's size in bytes, as counted while hashing.</param>
/// <param name="Sha256">SHA-256 of the object's bytes, 64 lowercase hex digits.</param>
/// <param name="ContentType">The object's <c>Content-Type</c> as S3 stores it.</param>
/// <param name="ETag">The object's ETag exactly as S3 returned it (quoted).</param>
/// <param name="Owner">The identity id that owns the key's prefix (the caller).</param>
public sealed record UploadReceipt(string Key, long Size, string Sha256, string ContentType, string ETag, string Owner);

/// <summary>The manifest <c>ProcessUpload</c> writes to <c>manifests/&lt;identity id&gt;/&lt;key below the owner's prefix&gt;.json</c>.</summary>
/// <param name="Receipt">The same facts the caller received.</param>
/// <param name="Bucket">The bucket the object is in.</param>
/// <param name="ProcessedAt">When the object was hashed, UTC.</param>
/// <param name="AwsRequestId">The invocation that wrote the manifest.</param>
public sealed record UploadManifest(UploadReceipt Receipt, string Bucket, DateTime ProcessedAt, string AwsRequestId);
