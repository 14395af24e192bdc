using DirectAccess.Local.UserPools.Tests.Support;

namespace DirectAccess.Local.UserPools.Tests;

/// <summary>Lifetimes against the cloud's clock (refresh token, access token, SRP session).</summary>
public sealed class ExpiryTests
{
    private ManualClock _clock = null!;
    private UserPoolTestHost _host = null!;
    private CognitoTestClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _clock = new ManualClock();
        _host = await UserPoolTestHost.StartAsync(clock: _clock);
        _client = _host.Client();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Test]
    public async Task Refresh_and_access_tokens_expire_with_the_client_lifetimes()
    {
        var username = Arrange.Username("expiry");
        await Arrange.ConfirmedUserAsync(_host, _client, username);
        var signIn = await _client.SrpSignInAsync(UserPoolTestHost.SrpOnlyClientId, UserPoolTestHost.PoolId, username, Arrange.Password);
        Assert.That(signIn.Ok, Is.True, signIn.ToString());
        var access = signIn.Result.GetProperty("AccessToken").GetString();
        var refresh = signIn.Result.GetProperty("RefreshToken").GetString()!;

        _clock.Advance(TimeSpan.FromMinutes(6)); // access 5 min, refresh 1 h
        var expiredAccess = await _client.CallAsync("GetUser", new { AccessToken = access });
        var stillRefreshes = await _client.RefreshAsync(UserPoolTestHost.SrpOnlyClientId, refresh);
        _clock.Advance(TimeSpan.FromMinutes(55));
        var expiredRefresh = await _client.RefreshAsync(UserPoolTestHost.SrpOnlyClientId, refresh);

        Assert.That(expiredAccess.Message, Is.EqualTo("Access Token has expired"));
        Assert.That(stillRefreshes.Ok, Is.True, stillRefreshes.ToString());
        Assert.That(expiredRefresh.ErrorType, Is.EqualTo("NotAuthorizedException"));
        Assert.That(expiredRefresh.Message, Is.EqualTo("Refresh Token has expired"));
    }

    [Test]
    public async Task An_srp_exchange_left_waiting_past_three_minutes_is_refused()
    {
        var username = Arrange.Username("slow");
        await Arrange.ConfirmedUserAsync(_host, _client, username);
        var srp = new TestSrpClient();
        var challenge = await _client.CallAsync("InitiateAuth", new
        {
            AuthFlow = "USER_SRP_AUTH",
            ClientId = UserPoolTestHost.AllFlowsClientId,
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = username, ["SRP_A"] = srp.SrpA },
        });

        _clock.Advance(TimeSpan.FromMinutes(4));
        var response = await _client.CallAsync("RespondToAuthChallenge", CognitoTestClient.PasswordVerifierResponse(
            srp, UserPoolTestHost.AllFlowsClientId, UserPoolTestHost.PoolId, Arrange.Password, challenge, at: _clock.GetUtcNow().UtcDateTime));

        Assert.That(response.ErrorType, Is.EqualTo("NotAuthorizedException"));
        Assert.That(response.Message, Does.Contain("session is expired"));
    }
}
