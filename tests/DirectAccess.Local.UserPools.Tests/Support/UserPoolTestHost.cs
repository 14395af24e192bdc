using System.Net;
using DirectAccess.Local;
using DirectAccess.Local.Hosting;
using DirectAccess.Local.Model;
using DirectAccess.Policies;
using DirectAccess.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DirectAccess.Local.UserPools.Tests.Support;

/// <summary>
/// A real HTTP host on 127.0.0.1:0 composed exactly like the local cloud (<c>Composition.AddLocalCloud</c>) but with a
/// hand-built <see cref="StackModel"/> whose pool has groups the repository template lacks (a precedence tie, a group
/// without precedence) and three app clients.
/// </summary>
public sealed class UserPoolTestHost : IAsyncDisposable
{
    public const string PoolId = "us-east-1_TestPool1";
    public const string AllFlowsClientId = "allflowsclient0000000000aa";
    public const string SrpOnlyClientId = "srponlyclient00000000000bb";
    public const string SecretClientId = "secretclient00000000000cc0";
    public const string ClientSecret = "test-client-secret";
    public const string AdminsRole = "arn:aws:iam::000000000000:role/Admins";
    public const string UploadersRole = "arn:aws:iam::000000000000:role/Uploaders";
    public const string ViewersRole = "arn:aws:iam::000000000000:role/Viewers";
    public const string TieRoleA = "arn:aws:iam::000000000000:role/TieA";
    public const string TieRoleB = "arn:aws:iam::000000000000:role/TieB";
    public const string LooseRole = "arn:aws:iam::000000000000:role/Loose";

    private readonly WebApplication _app;
    private readonly TempDirectory? _ownedDir;

    private UserPoolTestHost(WebApplication app, Uri endpoint, LocalCloudOptions options, CapturingLog log, TempDirectory? ownedDir)
    {
        _app = app;
        Endpoint = endpoint;
        Options = options;
        Log = log;
        _ownedDir = ownedDir;
    }

    public Uri Endpoint { get; }

    public LocalCloudOptions Options { get; }

    public CapturingLog Log { get; }

    public IServiceProvider Services => _app.Services;

    public string DataDir => Options.DataDir;

    public static StackModel Stack()
    {
        TimeSpan Hour = TimeSpan.FromHours(1);
        var flows = new[] { "ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH" };
        var pool = new UserPoolModel(
            "UserPool", PoolId, "test-users", $"arn:aws:cognito-idp:us-east-1:000000000000:userpool/{PoolId}",
            new PasswordPolicyModel(12, true, true, true, false),
            UsernameAttributes: [],
            AutoVerifiedAttributes: ["email"],
            Clients:
            [
                new UserPoolClientModel("AllFlows", AllFlowsClientId, "all", flows, Hour, Hour, TimeSpan.FromDays(30), null),
                new UserPoolClientModel("SrpOnly", SrpOnlyClientId, "srp", ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
                    TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), TimeSpan.FromHours(1), null),
                new UserPoolClientModel("Secret", SecretClientId, "secret", flows, Hour, Hour, TimeSpan.FromDays(30), ClientSecret),
            ],
            Groups:
            [
                new GroupModel("admins", 0, AdminsRole, "everything"),
                new GroupModel("uploaders", 1, UploadersRole, "upload"),
                new GroupModel("viewers", 2, ViewersRole, "view"),
                new GroupModel("tie-a", 5, TieRoleA, null),
                new GroupModel("tie-b", 5, TieRoleB, null),
                new GroupModel("tie-a-again", 5, TieRoleA, null),
                new GroupModel("loose", null, LooseRole, "no precedence"),
                new GroupModel("roleless", 3, null, "no role"),
            ]);
        // One real role so a non-administrator role session can be issued; its policy even allows cognito-idp:*, and
        // admin calls must still refuse it (they require the administrator).
        var trust = PolicyDocument.Parse("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},
            "Action":"sts:AssumeRoleWithWebIdentity",
            "Condition":{"StringEquals":{"cognito-identity.amazonaws.com:aud":"us-east-1:00000000-0000-0000-0000-000000000000"}}}]}
            """, "trust");
        var everything = PolicyDocument.Parse("""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"cognito-idp:*","Resource":"*"}]}
            """, "cognito-idp-all");
        var role = new RoleModel("UploadersRole", "Uploaders", UploadersRole, trust, [everything], TimeSpan.FromHours(1));
        return new StackModel("us-east-1", "000000000000", new Dictionary<string, string>(), [pool], [], [role], [], []);
    }

    public static async Task<UserPoolTestHost> StartAsync(string? dataDir = null, TimeProvider? clock = null)
    {
        var owned = dataDir is null ? new TempDirectory("userpools-test") : null;
        var log = new CapturingLog();
        var options = new LocalCloudOptions
        {
            Port = 0,
            DataDir = dataDir ?? owned!.Path,
            TemplatePath = RepoPaths.Template,
            Log = log,
        };

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock); // registered first: every area's TryAdd keeps it
        }

        Composition.AddLocalCloud(builder.Services, options, Stack());
        var app = builder.Build();
        app.Run(app.Services.GetRequiredService<ServiceRouter>().RouteAsync);
        await app.StartAsync();
        var port = new Uri(app.Urls.First()).Port;
        return new UserPoolTestHost(app, new Uri($"http://127.0.0.1:{port}"), options, log, owned);
    }

    public CognitoTestClient Client() => new(Endpoint);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _ownedDir?.Dispose();
    }
}
