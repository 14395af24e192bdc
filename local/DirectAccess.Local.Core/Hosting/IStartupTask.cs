namespace DirectAccess.Local.Hosting;

/// <summary>Work run once the listener is up and the endpoint is known (e.g. writing <c>directaccess.json</c>).</summary>
public interface IStartupTask
{
    /// <summary>Runs the task. <paramref name="endpoint"/> is the listener, e.g. <c>http://127.0.0.1:4566</c>.</summary>
    Task RunAsync(Uri endpoint, CancellationToken cancellationToken);
}
