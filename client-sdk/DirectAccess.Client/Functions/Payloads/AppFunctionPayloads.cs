namespace DirectAccess.Client.Functions.Payloads;

// Payload shapes of the app's functions (functions/DirectAccess.Functions), JSON camelCase on the wire.

/// <summary>Empty request (<c>WhoAmI</c>, <c>AdminReport</c>).</summary>
public sealed record EmptyRequest;

/// <summary><c>WhoAmI</c> response: the caller's identity as the function saw it.</summary>
public sealed record WhoAmIResponse(string? IdentityId, string? IdentityPoolId, string? FunctionName, string? FunctionVersion, string? AwsRequestId);

/// <summary><c>ProcessUpload</c> request: the full key (with <c>private/&lt;identityId&gt;/</c>).</summary>
public sealed record ProcessUploadRequest(string Key);

/// <summary><c>ProcessUpload</c> response: size in bytes, SHA-256 hex, content type, ETag, owner identity id.</summary>
public sealed record UploadReceipt(string Key, long Size, string? Sha256, string? ContentType, string? ETag, string? Owner);

/// <summary><c>ShareFile</c> request: full key and link lifetime in seconds.</summary>
public sealed record ShareFileRequest(string Key, int ExpiresInSeconds);

/// <summary><c>ShareFile</c> response: the presigned URL and its expiry (ISO 8601 UTC).</summary>
public sealed record ShareFileResponse(string Key, string Url, string? ExpiresAt);

/// <summary><c>AdminReport</c> response: per-prefix object counts and bytes.</summary>
public sealed record AdminReportResponse(string? Bucket, IReadOnlyList<PrefixUsage> Prefixes, long TotalObjects, long TotalBytes);

/// <summary>One prefix of <see cref="AdminReportResponse"/>.</summary>
public sealed record PrefixUsage(string Prefix, long Objects, long Bytes);
