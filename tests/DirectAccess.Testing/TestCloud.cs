using DirectAccess.Local;

namespace DirectAccess.Testing;

/// <summary>A real local cloud on 127.0.0.1 (free port) with a fresh data dir and the repository's template.</summary>
public sealed class TestCloud : IAsyncDisposable
{
    private readonly TempDirectory? _ownedDir;

    private TestCloud(LocalCloud cloud, TempDirectory? ownedDir)
    {
        Cloud = cloud;
        _ownedDir = ownedDir;
    }

    public LocalCloud Cloud { get; }

    public Uri Endpoint => Cloud.Endpoint;

    public string DataDir => Cloud.Options.DataDir;

    /// <summary>Starts a cloud. <paramref name="dataDir"/> reuses a directory (restart tests); otherwise a temp one is owned.</summary>
    public static async Task<TestCloud> StartAsync(Func<LocalCloudOptions, LocalCloudOptions>? configure = null, string? dataDir = null)
    {
        var owned = dataDir is null ? new TempDirectory("directaccess-cloud") : null;
        var options = new LocalCloudOptions
        {
            Port = 0,
            DataDir = dataDir ?? owned!.Path,
            TemplatePath = RepoPaths.Template,
            Log = TextWriter.Null,
        };
        options = configure?.Invoke(options) ?? options;
        var cloud = await LocalCloud.StartAsync(options);
        return new TestCloud(cloud, owned);
    }

    public async ValueTask DisposeAsync()
    {
        await Cloud.DisposeAsync();
        _ownedDir?.Dispose();
    }
}
