using System.Text.Json;
using DirectAccess.Local.UserPools.Tests.Support;

namespace DirectAccess.Local.UserPools.Tests;

/// <summary>ID and access token claims (REFERENCE.md §3) and group/role claims from precedence (REFERENCE.md §2).</summary>
public sealed class TokenClaimsTests
{
    private UserPoolTestHost _host = null!;
    private CognitoTestClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await UserPoolTestHost.StartAsync();
        _client = _host.Client();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<(JsonElement Id, JsonElement Access, string IdJwt)> SignInWithGroupsAsync(params string[] groups)
    {
        var username = Arrange.Username("claims");
        await Arrange.ConfirmedUserAsync(_host, _client, username, email: $"{username}@example.org");
        Arrange.JoinGroups(_host, username, groups);
        var response = await _client.SrpSignInAsync(UserPoolTestHost.AllFlowsClientId, UserPoolTestHost.PoolId, username, Arrange.Password);
        Assert.That(response.Ok, Is.True, response.ToString());
        var idJwt = response.Result.GetProperty("IdToken").GetString()!;
        return (Arrange.Payload(idJwt), Arrange.Payload(response.Result.GetProperty("AccessToken").GetString()!), idJwt);
    }

    [Test]
    public async Task Id_token_carries_every_claim_of_reference_section_3()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var (id, access, jwt) = await SignInWithGroupsAsync("uploaders");

        var header = Arrange.Header(jwt);
        Assert.That(header.GetProperty("alg").GetString(), Is.EqualTo("RS256"));
        Assert.That(header.GetProperty("kid").GetString(), Is.Not.Empty);
        Assert.That(id.GetProperty("token_use").GetString(), Is.EqualTo("id"));
        Assert.That(id.GetProperty("aud").GetString(), Is.EqualTo(UserPoolTestHost.AllFlowsClientId));
        Assert.That(id.GetProperty("iss").GetString(), Is.EqualTo($"https://cognito-idp.us-east-1.amazonaws.com/{UserPoolTestHost.PoolId}"));
        Assert.That(id.GetProperty("cognito:username").GetString(), Does.StartWith("claims"));
        Assert.That(Guid.TryParse(id.GetProperty("sub").GetString(), out _), Is.True);
        Assert.That(id.GetProperty("email").GetString(), Does.EndWith("@example.org"));
        Assert.That(id.GetProperty("email_verified").ValueKind, Is.EqualTo(JsonValueKind.True));
        Assert.That(id.GetProperty("auth_time").GetInt64(), Is.InRange(before - 1, before + 60));
        Assert.That(id.GetProperty("iat").GetInt64(), Is.InRange(before - 1, before + 60));
        Assert.That(id.GetProperty("exp").GetInt64() - id.GetProperty("iat").GetInt64(), Is.EqualTo(3600));
        foreach (var claim in new[] { "jti", "origin_jti", "event_id" })
        {
            Assert.That(Guid.TryParse(id.GetProperty(claim).GetString(), out _), Is.True, claim);
        }

        Assert.That(id.GetProperty("origin_jti").GetString(), Is.EqualTo(access.GetProperty("origin_jti").GetString()));
        Assert.That(id.GetProperty("event_id").GetString(), Is.EqualTo(access.GetProperty("event_id").GetString()));
        Assert.That(id.GetProperty("jti").GetString(), Is.Not.EqualTo(access.GetProperty("jti").GetString()));
        Assert.That(id.TryGetProperty("nbf", out _), Is.False, "Cognito tokens carry no nbf");
    }

    [Test]
    public async Task Access_token_has_client_id_scope_and_username_but_no_aud()
    {
        var (id, access, _) = await SignInWithGroupsAsync("viewers");

        Assert.That(access.TryGetProperty("aud", out _), Is.False);
        Assert.That(access.GetProperty("client_id").GetString(), Is.EqualTo(UserPoolTestHost.AllFlowsClientId));
        Assert.That(access.GetProperty("token_use").GetString(), Is.EqualTo("access"));
        Assert.That(access.GetProperty("scope").GetString(), Is.EqualTo("aws.cognito.signin.user.admin"));
        Assert.That(access.GetProperty("username").GetString(), Is.EqualTo(id.GetProperty("cognito:username").GetString()));
        Assert.That(access.GetProperty("sub").GetString(), Is.EqualTo(id.GetProperty("sub").GetString()));
        Assert.That(Arrange.Strings(access.GetProperty("cognito:groups")), Is.EqualTo(new[] { "viewers" }));
        Assert.That(access.TryGetProperty("cognito:roles", out _), Is.False);
        Assert.That(access.TryGetProperty("email", out _), Is.False);
    }

    [Test]
    public async Task One_group_gives_its_role_as_preferred_and_roles_as_a_json_array()
    {
        var (id, _, _) = await SignInWithGroupsAsync("uploaders");

        Assert.That(Arrange.Strings(id.GetProperty("cognito:groups")), Is.EqualTo(new[] { "uploaders" }));
        Assert.That(id.GetProperty("cognito:roles").ValueKind, Is.EqualTo(JsonValueKind.Array));
        Assert.That(Arrange.Strings(id.GetProperty("cognito:roles")), Is.EqualTo(new[] { UserPoolTestHost.UploadersRole }));
        Assert.That(id.GetProperty("cognito:preferred_role").GetString(), Is.EqualTo(UserPoolTestHost.UploadersRole));
    }

    [Test]
    public async Task Two_groups_prefer_the_lower_precedence()
    {
        var (id, _, _) = await SignInWithGroupsAsync("viewers", "admins");

        Assert.That(Arrange.Strings(id.GetProperty("cognito:groups")), Is.EqualTo(new[] { "admins", "viewers" }));
        Assert.That(Arrange.Strings(id.GetProperty("cognito:roles")), Is.EquivalentTo(new[] { UserPoolTestHost.AdminsRole, UserPoolTestHost.ViewersRole }));
        Assert.That(id.GetProperty("cognito:preferred_role").GetString(), Is.EqualTo(UserPoolTestHost.AdminsRole));
    }

    [Test]
    public async Task A_tie_with_different_roles_gives_no_preferred_role()
    {
        var (id, _, _) = await SignInWithGroupsAsync("tie-a", "tie-b", "loose");

        Assert.That(id.TryGetProperty("cognito:preferred_role", out _), Is.False);
        Assert.That(Arrange.Strings(id.GetProperty("cognito:roles")),
            Is.EquivalentTo(new[] { UserPoolTestHost.TieRoleA, UserPoolTestHost.TieRoleB, UserPoolTestHost.LooseRole }));
    }

    [Test]
    public async Task A_tie_with_the_same_role_keeps_it_preferred()
    {
        var (id, _, _) = await SignInWithGroupsAsync("tie-a", "tie-a-again");

        Assert.That(id.GetProperty("cognito:preferred_role").GetString(), Is.EqualTo(UserPoolTestHost.TieRoleA));
        Assert.That(Arrange.Strings(id.GetProperty("cognito:roles")), Is.EqualTo(new[] { UserPoolTestHost.TieRoleA }));
    }

    [Test]
    public async Task A_group_without_precedence_ranks_below_numbered_ones_and_roleless_groups_do_not_compete()
    {
        var (id, _, _) = await SignInWithGroupsAsync("loose", "viewers", "roleless");

        Assert.That(id.GetProperty("cognito:preferred_role").GetString(), Is.EqualTo(UserPoolTestHost.ViewersRole));
        Assert.That(Arrange.Strings(id.GetProperty("cognito:groups")), Is.EqualTo(new[] { "viewers", "roleless", "loose" }));
    }

    [Test]
    public async Task No_group_gives_no_group_or_role_claims()
    {
        var (id, access, _) = await SignInWithGroupsAsync();

        foreach (var claim in new[] { "cognito:groups", "cognito:roles", "cognito:preferred_role" })
        {
            Assert.That(id.TryGetProperty(claim, out _), Is.False, claim);
        }

        Assert.That(access.TryGetProperty("cognito:groups", out _), Is.False);
    }

    [Test]
    public async Task Client_lifetimes_set_exp_and_ExpiresIn()
    {
        var username = Arrange.Username("life");
        await Arrange.ConfirmedUserAsync(_host, _client, username);

        var response = await _client.SrpSignInAsync(UserPoolTestHost.SrpOnlyClientId, UserPoolTestHost.PoolId, username, Arrange.Password);

        Assert.That(response.Ok, Is.True, response.ToString());
        Assert.That(response.Result.GetProperty("ExpiresIn").GetInt32(), Is.EqualTo(300));
        var id = Arrange.Payload(response.Result.GetProperty("IdToken").GetString()!);
        Assert.That(id.GetProperty("exp").GetInt64() - id.GetProperty("iat").GetInt64(), Is.EqualTo(300));
        Assert.That(id.GetProperty("aud").GetString(), Is.EqualTo(UserPoolTestHost.SrpOnlyClientId));
    }
}
