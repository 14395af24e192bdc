namespace DirectAccess.Functions.Contracts;

/// <summary>The <c>ShareFile</c> payload.</summary>
/// <param name="Key">The full S3 key of the caller's object, <c>private/&lt;identity id&gt;/...</c>.</param>
/// <param name="ExpiresInSeconds">Lifetime of the URL in seconds, 1 to 604,800 (7 days, SigV4's maximum); 3,600 when absent.</param>
public sealed record ShareFileRequest(string? Key, int? ExpiresInSeconds);

/// <summary>The <c>ShareFile</c> response.</summary>
/// <param name="Key">The full S3 key.</param>
/// <param name="Url">A SigV4 presigned GET URL for the object, signed with the function's execution-role credentials.</param>
/// <param name="ExpiresAt">When the URL stops working, UTC (ISO-8601, whole seconds). A URL signed with temporary
/// credentials also stops working when those credentials expire, whichever comes first (S3 user guide, "Sharing objects
/// with presigned URLs").</param>
public sealed record ShareFileResponse(string Key, string Url, DateTime ExpiresAt);
