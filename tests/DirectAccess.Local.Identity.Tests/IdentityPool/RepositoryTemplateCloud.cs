using DirectAccess.Local.Identity.Tests.Support;
using DirectAccess.Testing;

namespace DirectAccess.Local.Identity.Tests.IdentityPool;

/// <summary>A cloud on the repository's template shared by a fixture, with its identity pool and a token minter.</summary>
public abstract class RepositoryTemplateCloud
{
    protected TestCloud Cloud { get; private set; } = null!;

    protected IdentityPoolClient Client { get; private set; } = null!;

    protected TokenMinter Tokens { get; private set; } = null!;

    protected string PoolId => Cloud.Cloud.Stack.IdentityPools.Single().Id;

    [OneTimeSetUp]
    public async Task StartCloud()
    {
        Cloud = await TestCloud.StartAsync();
        Client = new IdentityPoolClient(Cloud.Endpoint);
        Tokens = new TokenMinter(Cloud);
    }

    [OneTimeTearDown]
    public async Task StopCloud() => await Cloud.DisposeAsync();

    /// <summary>GetId then GetCredentialsForIdentity for a token; returns the identity id and the credentials reply.</summary>
    protected async Task<(string IdentityId, JsonReply Credentials)> SignInAsync(string token, string? customRoleArn = null)
    {
        var identityId = (await Client.GetIdAsync(PoolId, Tokens.Logins(token))).Ok().GetProperty("IdentityId").GetString()!;
        return (identityId, await Client.GetCredentialsAsync(identityId, Tokens.Logins(token), customRoleArn));
    }
}
