using DirectAccess.Local.Identity.Tests.Support;
using DirectAccess.Local.Security;
using DirectAccess.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Local.Identity.Tests.IdentityPool;

/// <summary>A cloud on <see cref="VariantTemplate"/>, shared by a fixture.</summary>
public abstract class VariantTemplateCloud
{
    private TempDirectory _templateDir = null!;

    protected TestCloud Cloud { get; private set; } = null!;

    protected IdentityPoolClient Client { get; private set; } = null!;

    protected TokenMinter Tokens { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartCloud()
    {
        _templateDir = new TempDirectory("directaccess-variant");
        var template = VariantTemplate.WriteTo(_templateDir);
        Cloud = await TestCloud.StartAsync(o => o with { TemplatePath = template });
        Client = new IdentityPoolClient(Cloud.Endpoint);
        Tokens = new TokenMinter(Cloud);
    }

    [OneTimeTearDown]
    public async Task StopCloud()
    {
        await Cloud.DisposeAsync();
        _templateDir.Dispose();
    }

    protected string PoolId(string logicalId) => Cloud.Cloud.Stack.IdentityPools.Single(p => p.LogicalId == logicalId).Id;

    protected async Task<(string IdentityId, JsonReply Credentials)> SignInAsync(string poolLogicalId, string token)
    {
        var identityId = (await Client.GetIdAsync(PoolId(poolLogicalId), Tokens.Logins(token))).Ok().GetProperty("IdentityId").GetString()!;
        return (identityId, await Client.GetCredentialsAsync(identityId, Tokens.Logins(token)));
    }

    protected string RoleOf(JsonReply credentials)
    {
        var accessKeyId = credentials.Ok().GetProperty("Credentials").GetProperty("AccessKeyId").GetString()!;
        return Cloud.Cloud.Services.GetRequiredService<ICredentialStore>().Find(accessKeyId)!.RoleArn!;
    }
}
