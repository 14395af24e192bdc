namespace DirectAccess.Functions.Storage;

/// <summary>Where S3 is reached: AWS (null <see cref="Override"/>) or the <c>AWS_ENDPOINT_URL</c> of a local cloud or emulator.</summary>
/// <param name="Override">The endpoint override, or null for AWS.</param>
public sealed record S3Endpoint(Uri? Override)
{
    /// <summary>True when the override is plain http, so presigned URLs must be http too.</summary>
    public bool IsHttp => Override?.Scheme == Uri.UriSchemeHttp;
}
