using System.Text.Json.Nodes;

namespace DirectAccess.Local.Identity.Tests.IdentityPool;

/// <summary>REFERENCE §2 rows that need the variant template: AuthenticatedRole fallback, Rules, trust without aud.</summary>
public sealed class VariantRoleResolutionTests : VariantTemplateCloud
{
    private static string NewSub() => Guid.NewGuid().ToString();

    [Test]
    public async Task Tie_with_different_roles_under_AuthenticatedRole_gets_the_pool_role()
    {
        var claims = Tokens.IdClaims(NewSub(), "staff", "auditors");
        Assert.That(claims.ContainsKey("cognito:preferred_role"), Is.False, "a tie carries no preferred role");
        var (_, credentials) = await SignInAsync("LenientPool", Tokens.Sign(claims));
        Assert.That(RoleOf(credentials), Is.EqualTo(Tokens.RoleArn("DefaultRole")));
    }

    [Test]
    public async Task No_group_under_AuthenticatedRole_gets_the_pool_role()
    {
        var (_, credentials) = await SignInAsync("LenientPool", Tokens.IdToken(NewSub()));
        Assert.That(RoleOf(credentials), Is.EqualTo(Tokens.RoleArn("DefaultRole")));
    }

    [Test]
    public async Task One_group_under_AuthenticatedRole_gets_its_role()
    {
        var (_, credentials) = await SignInAsync("LenientPool", Tokens.IdToken(NewSub(), "auditors"));
        Assert.That(RoleOf(credentials), Is.EqualTo(Tokens.RoleArn("AuditRole")));
    }

    [TestCase(null, "bob@staff.example", null, null, "StaffRole", TestName = "NotEqual on a missing claim is skipped; Contains matches")]
    [TestCase("top", "bob@staff.example", null, null, "AuditRole", TestName = "First matching rule wins (NotEqual)")]
    [TestCase("none", "bob@example.com", "ops", null, "DefaultRole", TestName = "NotEqual fails on the excluded value; Equals matches")]
    [TestCase("none", "bob@example.com", "dev", "svc-build", "StaffRole", TestName = "StartsWith matches")]
    public async Task Rules_mapping_picks_the_first_matching_rule(string? clearance, string email, string? dept, string? username, string expectedRole)
    {
        var claims = Claims(clearance, email, dept, username);
        var (_, credentials) = await SignInAsync("RulesPool", Tokens.Sign(claims));
        Assert.That(RoleOf(credentials), Is.EqualTo(Tokens.RoleArn(expectedRole)));
    }

    [Test]
    public async Task Rules_mapping_without_a_match_under_Deny_is_refused()
    {
        var (_, credentials) = await SignInAsync("RulesPool", Tokens.Sign(Claims("none", "bob@example.com", "dev", "bob")));
        credentials.IsError("NotAuthorizedException", "The ambiguous role mapping rules for:", prefix: true);
    }

    [Test]
    public async Task Role_whose_trust_does_not_pin_the_audience_is_refused()
    {
        var (_, credentials) = await SignInAsync("LoosePool", Tokens.IdToken(NewSub()));
        credentials.IsError("InvalidIdentityPoolConfigurationException", "Invalid identity pool configuration. Check assigned IAM roles for this pool.");
    }

    [Test]
    public async Task Basic_flow_is_refused_on_a_pool_without_classic_flow()
    {
        var token = Tokens.IdToken(NewSub());
        var (identityId, _) = await SignInAsync("LoosePool", token);
        (await Client.GetOpenIdTokenAsync(identityId, Tokens.Logins(token))).IsError("InvalidParameterException",
            "Basic (classic) flow is not enabled, please use enhanced flow.");
    }

    private JsonObject Claims(string? clearance, string email, string? dept, string? username)
    {
        var claims = Tokens.IdClaims(NewSub());
        claims["email"] = email;
        if (clearance is not null)
        {
            claims["custom:clearance"] = clearance;
        }

        if (dept is not null)
        {
            claims["custom:dept"] = dept;
        }

        if (username is not null)
        {
            claims["cognito:username"] = username;
        }

        return claims;
    }
}
