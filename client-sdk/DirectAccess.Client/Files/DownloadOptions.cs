namespace DirectAccess.Client.Files;

/// <summary>Options of a download: ranged GETs of <see cref="PartSize"/> bytes, <see cref="Concurrency"/> at once.</summary>
public sealed record DownloadOptions
{
    /// <summary>Prefix family of the key (default private).</summary>
    public AccessLevel AccessLevel { get; init; } = AccessLevel.Private;

    /// <summary>Range size in bytes (default 16 MiB, at least 1 MiB).</summary>
    public long PartSize { get; init; } = 16L * 1024 * 1024;

    /// <summary>Ranges fetched at once (1–64, default 8).</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Replace an existing destination file (default true).</summary>
    public bool Overwrite { get; init; } = true;
}
