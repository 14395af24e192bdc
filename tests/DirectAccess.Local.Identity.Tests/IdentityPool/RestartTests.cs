using DirectAccess.Local.Identity.Tests.Support;
using DirectAccess.Local.Security;
using DirectAccess.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Local.Identity.Tests.IdentityPool;

/// <summary>Identity ids and issued credentials survive a restart on the same data dir.</summary>
public sealed class RestartTests
{
    [Test]
    public async Task Restart_keeps_identity_ids_and_unexpired_credentials()
    {
        using var dataDir = new TempDirectory("directaccess-restart");
        var sub = Guid.NewGuid().ToString();
        string identityId, accessKeyId;
        await using (var first = await TestCloud.StartAsync(dataDir: dataDir.Path))
        {
            var tokens = new TokenMinter(first);
            var client = new IdentityPoolClient(first.Endpoint);
            var poolId = first.Cloud.Stack.IdentityPools.Single().Id;
            identityId = (await client.GetIdAsync(poolId, tokens.Logins(tokens.IdToken(sub, "viewers")))).Ok().GetProperty("IdentityId").GetString()!;
            accessKeyId = (await client.GetCredentialsAsync(identityId, tokens.Logins(tokens.IdToken(sub, "viewers")))).Ok()
                .GetProperty("Credentials").GetProperty("AccessKeyId").GetString()!;
        }

        await using var second = await TestCloud.StartAsync(dataDir: dataDir.Path);
        var again = new TokenMinter(second);
        var reply = await new IdentityPoolClient(second.Endpoint).GetIdAsync(second.Cloud.Stack.IdentityPools.Single().Id, again.Logins(again.IdToken(sub, "viewers")));
        Assert.That(reply.Ok().GetProperty("IdentityId").GetString(), Is.EqualTo(identityId));
        var caller = second.Cloud.Services.GetRequiredService<ICredentialStore>().Find(accessKeyId);
        Assert.That(caller?.IdentityId, Is.EqualTo(identityId));
        Assert.That(caller!.RoleArn, Is.EqualTo(again.RoleArn("ViewersRole")));
    }
}
