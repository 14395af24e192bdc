using DirectAccess.Local.Identity.Tests.Support;
using DirectAccess.Local.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Local.Identity.Tests.IdentityPool;

/// <summary>REFERENCE §2, Token mapping with <c>AmbiguousRoleResolution: Deny</c> (the repository template).</summary>
public sealed class TokenRoleResolutionTests : RepositoryTemplateCloud
{
    private async Task<JsonReply> Credentials(string token, string? customRoleArn = null) => (await SignInAsync(token, customRoleArn)).Credentials;

    private async Task<string> RoleOf(string token, string? customRoleArn = null)
    {
        var accessKeyId = (await Credentials(token, customRoleArn)).Ok().GetProperty("Credentials").GetProperty("AccessKeyId").GetString()!;
        return Cloud.Cloud.Services.GetRequiredService<ICredentialStore>().Find(accessKeyId)!.RoleArn!;
    }

    private static string NewSub() => Guid.NewGuid().ToString();

    [Test]
    public async Task One_group_gets_its_role() =>
        Assert.That(await RoleOf(Tokens.IdToken(NewSub(), "viewers")), Is.EqualTo(Tokens.RoleArn("ViewersRole")));

    [Test]
    public async Task Two_groups_get_the_role_of_the_lower_precedence() =>
        Assert.That(await RoleOf(Tokens.IdToken(NewSub(), "viewers", "admins")), Is.EqualTo(Tokens.RoleArn("AdminsRole")));

    [Test]
    public async Task Tie_with_different_roles_under_Deny_is_refused()
    {
        var claims = Tokens.IdClaims(NewSub(), "viewers", "uploaders");
        claims.Remove("cognito:preferred_role"); // a tie at the lowest precedence: the user pool sets no preferred role
        var reply = await Credentials(Tokens.Sign(claims));
        reply.IsError("NotAuthorizedException", $"The ambiguous role mapping rules for: {Tokens.ProviderName}:{Tokens.Client.ClientId} denied this request.");
    }

    [Test]
    public async Task No_group_under_Deny_is_refused() =>
        (await Credentials(Tokens.IdToken(NewSub()))).IsError("NotAuthorizedException", "The ambiguous role mapping rules for:", prefix: true);

    [Test]
    public async Task CustomRoleArn_in_cognito_roles_is_honoured() =>
        Assert.That(await RoleOf(Tokens.IdToken(NewSub(), "viewers", "admins"), Tokens.RoleArn("ViewersRole")), Is.EqualTo(Tokens.RoleArn("ViewersRole")));

    [Test]
    public async Task CustomRoleArn_outside_cognito_roles_is_refused() =>
        (await Credentials(Tokens.IdToken(NewSub(), "viewers"), Tokens.RoleArn("AdminsRole")))
            .IsError("NotAuthorizedException", "The CustomRoleArn is not one of the roles this login may assume.");
}
