using DirectAccess.Local.Hosting;

namespace DirectAccess.Local.Lambda.Workers;

/// <summary>
/// Remembers the local cloud's endpoint once it listens, for workers' <c>AWS_ENDPOINT_URL</c>: a function's own AWS
/// calls go back to the local cloud and are enforced by its execution role.
/// </summary>
public sealed class CloudEndpoint : IStartupTask
{
    private volatile Uri? _endpoint;

    /// <summary>The endpoint, e.g. <c>http://127.0.0.1:4566</c>; null until the listener is up.</summary>
    public Uri? Value => _endpoint;

    /// <inheritdoc />
    public Task RunAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        _endpoint = endpoint;
        return Task.CompletedTask;
    }
}
