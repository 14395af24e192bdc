namespace DirectAccess.Local.S3.Storage;

/// <summary>
/// Start-up recovery of the S3 store: deletes temporary files and blobs no committed object or part references
/// (debris of a crash or kill mid-write). Runs before the first request is served.
/// </summary>
public static class StartupCleanup
{
    /// <summary>Removes the debris; returns the number of files removed.</summary>
    public static int Run(S3DataDirectory directory, ObjectCatalog objects, UploadCatalog uploads)
    {
        var referenced = objects.ReferencedBlobs().Concat(uploads.ReferencedBlobs()).ToHashSet(StringComparer.Ordinal);
        return directory.RemoveDebris(referenced);
    }
}
