namespace DirectAccess.Client.Files;

/// <summary>An object from a listing: full key, the key relative to the access-level prefix, size in bytes, last modified (UTC), ETag.</summary>
public sealed record StoredObject(string Key, string RelativeKey, long Size, DateTime LastModifiedUtc, string? ETag);
