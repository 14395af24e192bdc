using DirectAccess.Local.UserPools.Tests.Support;

namespace DirectAccess.Local.UserPools.Tests;

/// <summary>REFRESH_TOKEN_AUTH, GetUser and GlobalSignOut.</summary>
public sealed class SessionTokenTests
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

    private async Task<(string Username, CognitoResponse SignIn)> SignedInAsync(string stem)
    {
        var username = Arrange.Username(stem);
        await Arrange.ConfirmedUserAsync(_host, _client, username);
        var signIn = await _client.SrpSignInAsync(UserPoolTestHost.AllFlowsClientId, UserPoolTestHost.PoolId, username, Arrange.Password);
        Assert.That(signIn.Ok, Is.True, signIn.ToString());
        return (username, signIn);
    }

    [Test]
    public async Task Refresh_returns_new_id_and_access_tokens_but_no_refresh_token_and_keeps_the_sign_in()
    {
        var (username, signIn) = await SignedInAsync("refresh");
        Arrange.JoinGroups(_host, username, "viewers");

        var refreshed = await _client.RefreshAsync(UserPoolTestHost.AllFlowsClientId, signIn.Result.GetProperty("RefreshToken").GetString()!);

        Assert.That(refreshed.Ok, Is.True, refreshed.ToString());
        Assert.That(refreshed.Result.TryGetProperty("RefreshToken", out _), Is.False);
        var before = Arrange.Payload(signIn.Result.GetProperty("IdToken").GetString()!);
        var after = Arrange.Payload(refreshed.Result.GetProperty("IdToken").GetString()!);
        Assert.That(after.GetProperty("origin_jti").GetString(), Is.EqualTo(before.GetProperty("origin_jti").GetString()));
        Assert.That(after.GetProperty("auth_time").GetInt64(), Is.EqualTo(before.GetProperty("auth_time").GetInt64()));
        Assert.That(after.GetProperty("jti").GetString(), Is.Not.EqualTo(before.GetProperty("jti").GetString()));
        Assert.That(Arrange.Strings(after.GetProperty("cognito:groups")), Is.EqualTo(new[] { "viewers" }), "groups are current at refresh");
        Assert.That(before.TryGetProperty("cognito:groups", out _), Is.False);
    }

    [Test]
    public async Task Refresh_with_an_unknown_token_or_from_another_client_is_refused()
    {
        var (_, signIn) = await SignedInAsync("badrefresh");

        var unknown = await _client.RefreshAsync(UserPoolTestHost.AllFlowsClientId, "not-a-refresh-token");
        var otherClient = await _client.RefreshAsync(UserPoolTestHost.SrpOnlyClientId, signIn.Result.GetProperty("RefreshToken").GetString()!);

        Assert.That(unknown.ErrorType, Is.EqualTo("NotAuthorizedException"));
        Assert.That(unknown.Message, Is.EqualTo("Invalid Refresh Token"));
        Assert.That(otherClient.ErrorType, Is.EqualTo("NotAuthorizedException"));
    }

    [Test]
    public async Task GetUser_returns_the_attributes_for_a_valid_access_token()
    {
        var (username, signIn) = await SignedInAsync("getuser");

        var user = await _client.CallAsync("GetUser", new { AccessToken = signIn.Result.GetProperty("AccessToken").GetString() });

        Assert.That(user.Ok, Is.True, user.ToString());
        Assert.That(user.Body.GetProperty("Username").GetString(), Is.EqualTo(username));
        var attributes = user.Body.GetProperty("UserAttributes").EnumerateArray()
            .ToDictionary(a => a.GetProperty("Name").GetString()!, a => a.GetProperty("Value").GetString());
        Assert.That(attributes["email"], Is.EqualTo($"{username}@example.com"));
        Assert.That(attributes["email_verified"], Is.EqualTo("true"));
        Assert.That(attributes["sub"], Is.EqualTo(Arrange.Payload(signIn.Result.GetProperty("IdToken").GetString()!).GetProperty("sub").GetString()));
    }

    [Test]
    public async Task GetUser_refuses_an_id_token_and_a_tampered_access_token()
    {
        var (_, signIn) = await SignedInAsync("tamper");
        var access = signIn.Result.GetProperty("AccessToken").GetString()!;
        var parts = access.Split('.');
        var tampered = parts[0] + "." + parts[1][..^2] + (parts[1][^2] == 'A' ? "BB" : "AA") + "." + parts[2];

        var withId = await _client.CallAsync("GetUser", new { AccessToken = signIn.Result.GetProperty("IdToken").GetString() });
        var withTampered = await _client.CallAsync("GetUser", new { AccessToken = tampered });
        var withGarbage = await _client.CallAsync("GetUser", new { AccessToken = "garbage" });

        Assert.That(withId.ErrorType, Is.EqualTo("NotAuthorizedException"));
        Assert.That(withTampered.ErrorType, Is.EqualTo("NotAuthorizedException"));
        Assert.That(withGarbage.Message, Is.EqualTo("Invalid Access Token"));
    }

    [Test]
    public async Task GlobalSignOut_revokes_refresh_tokens_and_access_tokens_of_every_sign_in()
    {
        var (username, first) = await SignedInAsync("signout");
        var second = await _client.PasswordSignInAsync(UserPoolTestHost.AllFlowsClientId, username, Arrange.Password);
        Assert.That(second.Ok, Is.True, second.ToString());

        var signOut = await _client.CallAsync("GlobalSignOut", new { AccessToken = first.Result.GetProperty("AccessToken").GetString() });

        Assert.That(signOut.Ok, Is.True, signOut.ToString());
        foreach (var signIn in new[] { first, second })
        {
            var refresh = await _client.RefreshAsync(UserPoolTestHost.AllFlowsClientId, signIn.Result.GetProperty("RefreshToken").GetString()!);
            Assert.That(refresh.ErrorType, Is.EqualTo("NotAuthorizedException"));
            Assert.That(refresh.Message, Is.EqualTo("Refresh Token has been revoked"));
            var getUser = await _client.CallAsync("GetUser", new { AccessToken = signIn.Result.GetProperty("AccessToken").GetString() });
            Assert.That(getUser.ErrorType, Is.EqualTo("NotAuthorizedException"));
            Assert.That(getUser.Message, Is.EqualTo("Access Token has been revoked"));
        }

        var again = await _client.SrpSignInAsync(UserPoolTestHost.AllFlowsClientId, UserPoolTestHost.PoolId, username, Arrange.Password);
        var fresh = await _client.CallAsync("GetUser", new { AccessToken = again.Result.GetProperty("AccessToken").GetString() });
        Assert.That(fresh.Ok, Is.True, "a new sign-in after sign-out works: " + fresh);
    }
}
