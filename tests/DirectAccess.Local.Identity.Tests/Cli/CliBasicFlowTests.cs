using DirectAccess.Local.Identity.Tests.IdentityPool;
using DirectAccess.Local.Identity.Tests.Support;

namespace DirectAccess.Local.Identity.Tests.Cli;

/// <summary><c>aws cognito-identity get-open-id-token</c> and <c>aws sts assume-role-with-web-identity</c> on the variant template.</summary>
public sealed class CliBasicFlowTests : VariantTemplateCloud
{
    [Test]
    public async Task Cli_basic_flow_assumes_the_role()
    {
        var cli = new AwsCli(Cloud.Endpoint);
        var logins = System.Text.Json.JsonSerializer.Serialize(Tokens.Logins(Tokens.IdToken(Guid.NewGuid().ToString())));
        var identityId = (await cli.RunAsync(["cognito-identity", "get-id", "--identity-pool-id", PoolId("ClassicPool"), "--logins", logins]))
            .Json().GetProperty("IdentityId").GetString()!;
        var token = (await cli.RunAsync(["cognito-identity", "get-open-id-token", "--identity-id", identityId, "--logins", logins]))
            .Json().GetProperty("Token").GetString()!;
        var assumed = (await cli.RunAsync(["sts", "assume-role-with-web-identity", "--role-arn", Tokens.RoleArn("DefaultRole"),
            "--role-session-name", "cli", "--web-identity-token", token])).Json();
        Assert.That(assumed.GetProperty("SubjectFromWebIdentityToken").GetString(), Is.EqualTo(identityId));
        Assert.That(assumed.GetProperty("AssumedRoleUser").GetProperty("Arn").GetString(), Does.EndWith("/cli"));
        Assert.That(assumed.GetProperty("Credentials").GetProperty("AccessKeyId").GetString(), Does.StartWith("ASIA"));
    }
}
