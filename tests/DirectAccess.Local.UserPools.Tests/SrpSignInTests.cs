using DirectAccess.Local.UserPools.Tests.Support;

namespace DirectAccess.Local.UserPools.Tests;

/// <summary>USER_SRP_AUTH + PASSWORD_VERIFIER over real HTTP with an independent SRP client (REFERENCE.md §3).</summary>
public sealed class SrpSignInTests
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

    [Test]
    public async Task Srp_sign_in_with_the_right_password_returns_id_access_and_refresh_tokens()
    {
        var username = Arrange.Username("srp");
        var sub = await Arrange.ConfirmedUserAsync(_host, _client, username);

        var response = await _client.SrpSignInAsync(UserPoolTestHost.AllFlowsClientId, UserPoolTestHost.PoolId, username, Arrange.Password);

        Assert.That(response.Ok, Is.True, response.ToString());
        var result = response.Result;
        Assert.That(result.GetProperty("TokenType").GetString(), Is.EqualTo("Bearer"));
        Assert.That(result.GetProperty("ExpiresIn").GetInt32(), Is.EqualTo(3600));
        Assert.That(result.GetProperty("RefreshToken").GetString(), Is.Not.Empty);
        Assert.That(Arrange.Payload(result.GetProperty("IdToken").GetString()!).GetProperty("sub").GetString(), Is.EqualTo(sub));
    }

    [Test]
    public async Task The_challenge_names_the_user_and_carries_hex_salt_and_B_and_a_base64_secret_block()
    {
        var username = Arrange.Username("chal");
        await Arrange.ConfirmedUserAsync(_host, _client, username);
        var srp = new TestSrpClient();

        var challenge = await _client.StartSrpAsync(UserPoolTestHost.AllFlowsClientId, username.ToUpperInvariant(), srp.SrpA);

        Assert.That(challenge.Ok, Is.True, challenge.ToString());
        Assert.That(challenge.Body.GetProperty("ChallengeName").GetString(), Is.EqualTo("PASSWORD_VERIFIER"));
        Assert.That(challenge.Challenge("USER_ID_FOR_SRP"), Is.EqualTo(username), "stored username, whatever case was typed");
        Assert.That(challenge.Challenge("USERNAME"), Is.EqualTo(username));
        Assert.That(challenge.Challenge("SALT"), Does.Match("^[0-9a-f]+$"));
        Assert.That(challenge.Challenge("SRP_B"), Does.Match("^[0-9a-f]+$"));
        Assert.That(() => Convert.FromBase64String(challenge.Challenge("SECRET_BLOCK")), Throws.Nothing);
    }

    [Test]
    public async Task Username_is_case_insensitive_and_a_zero_padded_day_is_accepted()
    {
        var username = Arrange.Username("Case");
        await Arrange.ConfirmedUserAsync(_host, _client, username);

        var response = await _client.SrpSignInAsync(UserPoolTestHost.AllFlowsClientId, UserPoolTestHost.PoolId,
            username.ToLowerInvariant(), Arrange.Password, padDay: true);

        Assert.That(response.Ok, Is.True, response.ToString());
        Assert.That(Arrange.Payload(response.Result.GetProperty("IdToken").GetString()!).GetProperty("cognito:username").GetString(),
            Is.EqualTo(username));
    }

    [Test]
    public async Task Wrong_password_is_refused_with_aws_message()
    {
        var username = Arrange.Username("wrong");
        await Arrange.ConfirmedUserAsync(_host, _client, username);

        var response = await _client.SrpSignInAsync(UserPoolTestHost.AllFlowsClientId, UserPoolTestHost.PoolId, username, "Wrong-Password-1");

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.ErrorType, Is.EqualTo("NotAuthorizedException"));
        Assert.That(response.ErrorTypeHeader, Is.EqualTo("NotAuthorizedException"));
        Assert.That(response.Message, Is.EqualTo("Incorrect username or password."));
    }

    [Test]
    public async Task Unknown_user_gets_a_challenge_and_then_the_same_refusal_as_a_wrong_password()
    {
        var response = await _client.SrpSignInAsync(UserPoolTestHost.AllFlowsClientId, UserPoolTestHost.PoolId, Arrange.Username("ghost"), Arrange.Password);

        Assert.That(response.ErrorType, Is.EqualTo("NotAuthorizedException"));
        Assert.That(response.Message, Is.EqualTo("Incorrect username or password."));
    }

    [Test]
    public async Task A_secret_block_can_be_used_once()
    {
        var username = Arrange.Username("replay");
        await Arrange.ConfirmedUserAsync(_host, _client, username);
        var srp = new TestSrpClient();
        var challenge = await _client.StartSrpAsync(UserPoolTestHost.AllFlowsClientId, username, srp.SrpA);
        var answer = CognitoTestClient.PasswordVerifierResponse(srp, UserPoolTestHost.AllFlowsClientId, UserPoolTestHost.PoolId, Arrange.Password, challenge);

        var first = await _client.CallAsync("RespondToAuthChallenge", answer);
        var replay = await _client.CallAsync("RespondToAuthChallenge", answer);

        Assert.That(first.Ok, Is.True, first.ToString());
        Assert.That(replay.ErrorType, Is.EqualTo("NotAuthorizedException"));
    }

    [Test]
    public async Task A_stale_timestamp_is_refused_even_with_a_correct_signature()
    {
        var username = Arrange.Username("stale");
        await Arrange.ConfirmedUserAsync(_host, _client, username);
        var srp = new TestSrpClient();
        var challenge = await _client.StartSrpAsync(UserPoolTestHost.AllFlowsClientId, username, srp.SrpA);

        var response = await _client.CallAsync("RespondToAuthChallenge", CognitoTestClient.PasswordVerifierResponse(
            srp, UserPoolTestHost.AllFlowsClientId, UserPoolTestHost.PoolId, Arrange.Password, challenge, at: DateTime.UtcNow.AddHours(-1)));

        Assert.That(response.ErrorType, Is.EqualTo("NotAuthorizedException"));
    }

    [Test]
    public async Task The_response_must_come_from_the_client_that_started_the_exchange()
    {
        var username = Arrange.Username("client");
        await Arrange.ConfirmedUserAsync(_host, _client, username);
        var srp = new TestSrpClient();
        var challenge = await _client.StartSrpAsync(UserPoolTestHost.AllFlowsClientId, username, srp.SrpA);

        var response = await _client.CallAsync("RespondToAuthChallenge", CognitoTestClient.PasswordVerifierResponse(
            srp, UserPoolTestHost.SrpOnlyClientId, UserPoolTestHost.PoolId, Arrange.Password, challenge));

        Assert.That(response.ErrorType, Is.EqualTo("NotAuthorizedException"));
    }

    [Test]
    public async Task Srp_a_congruent_to_zero_is_refused()
    {
        var response = await _client.StartSrpAsync(UserPoolTestHost.AllFlowsClientId, "anyone", "0");

        Assert.That(response.ErrorType, Is.EqualTo("InvalidParameterException"));
    }

    [Test]
    public async Task Unconfirmed_user_with_the_right_password_gets_UserNotConfirmedException()
    {
        var username = Arrange.Username("unconf");
        var signUp = await _client.CallAsync("SignUp", new { ClientId = UserPoolTestHost.AllFlowsClientId, Username = username, Password = Arrange.Password });
        Assert.That(signUp.Ok, Is.True, signUp.ToString());

        var right = await _client.SrpSignInAsync(UserPoolTestHost.AllFlowsClientId, UserPoolTestHost.PoolId, username, Arrange.Password);
        var wrong = await _client.SrpSignInAsync(UserPoolTestHost.AllFlowsClientId, UserPoolTestHost.PoolId, username, "Not-The-Password-1");

        Assert.That(right.ErrorType, Is.EqualTo("UserNotConfirmedException"));
        Assert.That(wrong.ErrorType, Is.EqualTo("NotAuthorizedException"), "status is revealed only after the password is proven");
    }

    [Test]
    public async Task Concurrent_srp_sign_ins_all_succeed()
    {
        var usernames = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var username = Arrange.Username("para");
            await Arrange.ConfirmedUserAsync(_host, _client, username);
            usernames.Add(username);
        }

        var signIns = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            _client.SrpSignInAsync(UserPoolTestHost.AllFlowsClientId, UserPoolTestHost.PoolId, usernames[i % 4], Arrange.Password))));

        Assert.That(signIns.Select(s => s.Ok), Is.All.True, string.Join("\n", signIns.Where(s => !s.Ok)));
        Assert.That(signIns.Select(s => s.Result.GetProperty("RefreshToken").GetString()).Distinct().Count(), Is.EqualTo(16));
    }
}
