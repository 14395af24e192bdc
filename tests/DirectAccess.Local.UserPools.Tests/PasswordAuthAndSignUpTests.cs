using DirectAccess.Local.UserPools.Tests.Support;

namespace DirectAccess.Local.UserPools.Tests;

/// <summary>USER_PASSWORD_AUTH, client flow gates, SECRET_HASH, SignUp and ConfirmSignUp.</summary>
public sealed class PasswordAuthAndSignUpTests
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
    public async Task Password_auth_with_the_right_password_returns_tokens()
    {
        var username = Arrange.Username("pw");
        await Arrange.ConfirmedUserAsync(_host, _client, username);

        var response = await _client.PasswordSignInAsync(UserPoolTestHost.AllFlowsClientId, username.ToUpperInvariant(), Arrange.Password);

        Assert.That(response.Ok, Is.True, response.ToString());
        Assert.That(response.Result.GetProperty("IdToken").GetString(), Is.Not.Empty);
        Assert.That(response.Result.GetProperty("RefreshToken").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task Password_auth_wrong_password_and_unknown_user_get_the_same_error()
    {
        var username = Arrange.Username("pw");
        await Arrange.ConfirmedUserAsync(_host, _client, username);

        var wrong = await _client.PasswordSignInAsync(UserPoolTestHost.AllFlowsClientId, username, "Wrong-Password-1");
        var unknown = await _client.PasswordSignInAsync(UserPoolTestHost.AllFlowsClientId, Arrange.Username("nobody"), Arrange.Password);

        foreach (var response in new[] { wrong, unknown })
        {
            Assert.That(response.Status, Is.EqualTo(400));
            Assert.That(response.ErrorType, Is.EqualTo("NotAuthorizedException"));
            Assert.That(response.Message, Is.EqualTo("Incorrect username or password."));
        }
    }

    [Test]
    public async Task Password_auth_is_refused_for_a_client_without_that_flow()
    {
        var username = Arrange.Username("gate");
        await Arrange.ConfirmedUserAsync(_host, _client, username);

        var response = await _client.PasswordSignInAsync(UserPoolTestHost.SrpOnlyClientId, username, Arrange.Password);

        Assert.That(response.ErrorType, Is.EqualTo("InvalidParameterException"));
        Assert.That(response.Message, Is.EqualTo("USER_PASSWORD_AUTH flow not enabled for this client"));
    }

    [Test]
    public async Task Unknown_client_is_ResourceNotFoundException()
    {
        var response = await _client.PasswordSignInAsync("nosuchclient00000000000000", "x", Arrange.Password);

        Assert.That(response.ErrorType, Is.EqualTo("ResourceNotFoundException"));
    }

    [Test]
    public async Task A_client_with_a_secret_requires_a_correct_secret_hash()
    {
        var username = Arrange.Username("secret");
        await Arrange.ConfirmedUserAsync(_host, _client, username);
        string Hash(string key) => Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(key), System.Text.Encoding.UTF8.GetBytes(username + UserPoolTestHost.SecretClientId)));
        Task<CognitoResponse> SignIn(string? hash) => _client.CallAsync("InitiateAuth", new
        {
            AuthFlow = "USER_PASSWORD_AUTH",
            ClientId = UserPoolTestHost.SecretClientId,
            AuthParameters = hash is null
                ? new Dictionary<string, string> { ["USERNAME"] = username, ["PASSWORD"] = Arrange.Password }
                : new Dictionary<string, string> { ["USERNAME"] = username, ["PASSWORD"] = Arrange.Password, ["SECRET_HASH"] = hash },
        });

        var missing = await SignIn(null);
        var wrong = await SignIn(Hash("not-the-secret"));
        var right = await SignIn(Hash(UserPoolTestHost.ClientSecret));

        Assert.That(missing.ErrorType, Is.EqualTo("NotAuthorizedException"));
        Assert.That(wrong.Message, Does.StartWith("Unable to verify secret hash"));
        Assert.That(right.Ok, Is.True, right.ToString());
    }

    [Test]
    public async Task Sign_up_enforces_the_password_policy()
    {
        var cases = new Dictionary<string, string>
        {
            ["Short-1a"] = "Password not long enough",
            ["alllowercase-12"] = "Password must have uppercase characters",
            ["ALLUPPERCASE-12"] = "Password must have lowercase characters",
            ["NoDigitsHere-abc"] = "Password must have numeric characters",
        };
        foreach (var (password, problem) in cases)
        {
            var response = await _client.CallAsync("SignUp", new { ClientId = UserPoolTestHost.AllFlowsClientId, Username = Arrange.Username("weak"), Password = password });
            Assert.That(response.ErrorType, Is.EqualTo("InvalidPasswordException"), password);
            Assert.That(response.Message, Is.EqualTo("Password did not conform with policy: " + problem), password);
        }
    }

    [Test]
    public async Task Sign_up_refuses_a_taken_username_in_any_case()
    {
        var username = Arrange.Username("taken");
        await Arrange.ConfirmedUserAsync(_host, _client, username);

        var response = await _client.CallAsync("SignUp", new { ClientId = UserPoolTestHost.AllFlowsClientId, Username = username.ToUpperInvariant(), Password = Arrange.Password });

        Assert.That(response.ErrorType, Is.EqualTo("UsernameExistsException"));
    }

    [Test]
    public async Task Sign_up_returns_an_unconfirmed_sub_and_masked_delivery_and_confirm_checks_the_code()
    {
        var username = Arrange.Username("confirm");
        var signUp = await _client.CallAsync("SignUp", new
        {
            ClientId = UserPoolTestHost.AllFlowsClientId,
            Username = username,
            Password = Arrange.Password,
            UserAttributes = new[] { new { Name = "email", Value = "alice@example.com" } },
        });
        Assert.That(signUp.Ok, Is.True, signUp.ToString());
        Assert.That(signUp.Body.GetProperty("UserConfirmed").GetBoolean(), Is.False);
        Assert.That(Guid.TryParse(signUp.Body.GetProperty("UserSub").GetString(), out _), Is.True);
        Assert.That(signUp.Body.GetProperty("CodeDeliveryDetails").GetProperty("Destination").GetString(), Is.EqualTo("a***@e***"));

        var code = _host.Log.ConfirmationCodeFor(username);
        var wrongCode = code == "000000" ? "111111" : "000000";
        var wrong = await _client.CallAsync("ConfirmSignUp", new { ClientId = UserPoolTestHost.AllFlowsClientId, Username = username, ConfirmationCode = wrongCode });
        var right = await _client.CallAsync("ConfirmSignUp", new { ClientId = UserPoolTestHost.AllFlowsClientId, Username = username, ConfirmationCode = code });
        var again = await _client.CallAsync("ConfirmSignUp", new { ClientId = UserPoolTestHost.AllFlowsClientId, Username = username, ConfirmationCode = code });
        var signIn = await _client.PasswordSignInAsync(UserPoolTestHost.AllFlowsClientId, username, Arrange.Password);

        Assert.That(wrong.ErrorType, Is.EqualTo("CodeMismatchException"));
        Assert.That(right.Ok, Is.True, right.ToString());
        Assert.That(again.ErrorType, Is.EqualTo("NotAuthorizedException"));
        Assert.That(signIn.Ok, Is.True, signIn.ToString());
        var idToken = Arrange.Payload(signIn.Result.GetProperty("IdToken").GetString()!);
        Assert.That(idToken.GetProperty("email_verified").GetBoolean(), Is.True, "email is auto-verified on confirmation");
    }

    [Test]
    public async Task Missing_required_member_is_a_validation_error()
    {
        var response = await _client.CallAsync("SignUp", new { ClientId = UserPoolTestHost.AllFlowsClientId, Password = Arrange.Password });

        Assert.That(response.ErrorType, Is.EqualTo("InvalidParameterException"));
        Assert.That(response.Message, Does.Contain("'username'"));
    }

    [Test]
    public async Task Unknown_operation_is_UnknownOperationException()
    {
        var response = await _client.CallAsync("CreateUserPool", new { PoolName = "x" });

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.ErrorType, Is.EqualTo("UnknownOperationException"));
    }
}
