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
        var signIn = await _client.SrpSignInAsync(UserPoolTestHost.SrpOnlyClientId, UserPoolTestHost.PoolId, username, Arrange.Password,
            at: _clock.GetUtcNow().UtcDateTime);
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
        var challenge = await _client.StartSrpAsync(UserPoolTestHost.AllFlowsClientId, username, srp.SrpA);

        _clock.Advance(TimeSpan.FromMinutes(4));
        var response = await _client.CallAsync("RespondToAuthChallenge", CognitoTestClient.PasswordVerifierResponse(
            srp, UserPoolTestHost.AllFlowsClientId, UserPoolTestHost.PoolId, Arrange.Password, challenge, at: _clock.GetUtcNow().UtcDateTime));

        Assert.That(response.ErrorType, Is.EqualTo("NotAuthorizedException"));
        Assert.That(response.Message, Does.Contain("session is expired"));
    }

    [Test]
    public async Task Five_wrong_passwords_lock_the_user_out_for_a_second_then_doubling()
    {
        var username = Arrange.Username("lock");
        await Arrange.ConfirmedUserAsync(_host, _client, username);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await _client.PasswordSignInAsync(UserPoolTestHost.AllFlowsClientId, username, "Wrong-Password-1");
            Assert.That(wrong.Message, Is.EqualTo("Incorrect username or password."), $"attempt {i + 1}");
        }

        var lockedPassword = await _client.PasswordSignInAsync(UserPoolTestHost.AllFlowsClientId, username, Arrange.Password);
        var lockedSrp = await _client.SrpSignInAsync(UserPoolTestHost.AllFlowsClientId, UserPoolTestHost.PoolId, username, Arrange.Password,
            at: _clock.GetUtcNow().UtcDateTime);
        _clock.Advance(TimeSpan.FromSeconds(1.5));
        var sixthWrong = await _client.PasswordSignInAsync(UserPoolTestHost.AllFlowsClientId, username, "Wrong-Password-1");
        _clock.Advance(TimeSpan.FromSeconds(1.5)); // the sixth failure locked for 2 s
        var stillLocked = await _client.PasswordSignInAsync(UserPoolTestHost.AllFlowsClientId, username, Arrange.Password);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var unlocked = await _client.PasswordSignInAsync(UserPoolTestHost.AllFlowsClientId, username, Arrange.Password);
        var afterReset = await _client.PasswordSignInAsync(UserPoolTestHost.AllFlowsClientId, username, "Wrong-Password-1");

        Assert.That(lockedPassword.Message, Is.EqualTo("Password attempts exceeded"));
        Assert.That(lockedSrp.Message, Is.EqualTo("Password attempts exceeded"));
        Assert.That(sixthWrong.Message, Is.EqualTo("Incorrect username or password."));
        Assert.That(stillLocked.Message, Is.EqualTo("Password attempts exceeded"));
        Assert.That(unlocked.Ok, Is.True, unlocked.ToString());
        Assert.That(afterReset.Message, Is.EqualTo("Incorrect username or password."), "a success resets the count");
    }
}
