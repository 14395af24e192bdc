using Amazon.Runtime;
using DirectAccess.Client.Config;
using DirectAccess.Client.UserPool.Admin;
using DirectAccess.Local;
using DirectAccess.Testing;

namespace DirectAccess.Client.Tests.Support;

/// <summary>A started local cloud plus its <c>directaccess.json</c> and an admin client for creating users.</summary>
public sealed class CloudUsers : IAsyncDisposable
{
    public const string Password = "Corr3ct-Horse-Battery!";

    private CloudUsers(TestCloud cloud, DirectAccessConfig config, CognitoUserPoolAdminClient admin, TempDirectory home)
    {
        Cloud = cloud;
        Config = config;
        Admin = admin;
        Home = home;
    }

    public TestCloud Cloud { get; }

    public DirectAccessConfig Config { get; }

    public CognitoUserPoolAdminClient Admin { get; }

    /// <summary>The data directory sessions use (identity-id cache, journals) instead of ~/.directaccess.</summary>
    public TempDirectory Home { get; }

    public string ConfigPath => Path.Combine(Cloud.DataDir, "directaccess.json");

    public static async Task<CloudUsers> StartAsync(Func<LocalCloudOptions, LocalCloudOptions>? configure = null)
    {
        var cloud = await TestCloud.StartAsync(configure);
        var config = DirectAccessConfig.Load(Path.Combine(cloud.DataDir, "directaccess.json"));
        var admin = new CognitoUserPoolAdminClient(config, new BasicAWSCredentials(LocalCloudOptions.DefaultAdminAccessKeyId, LocalCloudOptions.DefaultAdminSecretAccessKey));
        return new CloudUsers(cloud, config, admin, new TempDirectory("directaccess-client-home"));
    }

    public async Task<string> CreateUserAsync(string prefix, params string[] groups)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..20];
        await Admin.CreateConfirmedUserAsync(Config.UserPoolId, name, Password, groups, $"{name}@example.com");
        return name;
    }

    public SignInOptions Options(SignInOptions? with = null)
    {
        var options = with ?? new SignInOptions();
        return options with { DataDirectory = Home.Path, Credentials = options.Credentials with { DataDirectory = Home.Path } };
    }

    public Task<DirectAccessSession> SignInAsync(string user, SignInOptions? options = null) =>
        DirectAccessSession.SignInAsync(Config, user, Password, Options(options));

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Cloud.DisposeAsync();
        Home.Dispose();
    }
}
