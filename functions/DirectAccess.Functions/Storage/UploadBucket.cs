using Microsoft.Extensions.Configuration;

namespace DirectAccess.Functions.Storage;

/// <summary>The bucket the functions work on, from <c>UPLOAD_BUCKET</c> (set per function by the template).</summary>
/// <param name="Name">The bucket name.</param>
public sealed record UploadBucket(string Name)
{
    /// <summary>The variable naming the bucket.</summary>
    public const string Variable = "UPLOAD_BUCKET";

    /// <summary>Reads the bucket name.</summary>
    /// <param name="configuration">The worker's configuration.</param>
    /// <returns>The bucket.</returns>
    /// <exception cref="InvalidOperationException"><c>UPLOAD_BUCKET</c> is unset; functions that need it fail at init.</exception>
    public static UploadBucket From(IConfiguration configuration)
    {
        var name = configuration[Variable];
        return string.IsNullOrWhiteSpace(name)
            ? throw new InvalidOperationException($"{Variable} must name the upload bucket.")
            : new UploadBucket(name);
    }
}
