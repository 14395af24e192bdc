using System.Text.RegularExpressions;
using DirectAccess.Local.Security;
using DirectAccess.Local.UserPools.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Local.UserPools.Tests;

/// <summary>The SigV4-signed admin calls, and NEW_PASSWORD_REQUIRED for admin-created users.</summary>
public sealed partial class AdminApiTests
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

    private async Task<CognitoResponse> AdminAsync(string operation, object body)
    {
        var response = await _client.SignedCallAsync(operation, body, _host.Options.AdminAccessKeyId, _host.Options.AdminSecretAccessKey);
        if (response.Status == 500 && response.Message == "Request signature verification is not available.")
        {
            Assert.Ignore("IRequestAuthenticator is not registered in the host yet; admin calls cannot be verified.");
        }

        return response;
    }

    private async Task<string> CreateUserAsync(string temporaryPassword, params (string Name, string Value)[] attributes)
    {
        var username = Arrange.Username("adm");
        var created = await AdminAsync("AdminCreateUser", new
        {
            UserPoolId = UserPoolTestHost.PoolId,
            Username = username,
            TemporaryPassword = temporaryPassword,
            MessageAction = "SUPPRESS",
            UserAttributes = attributes.Select(a => new { a.Name, a.Value }).ToArray(),
        });
        Assert.That(created.Ok, Is.True, created.ToString());
        return username;
    }

    [Test]
    public async Task Unsigned_admin_call_is_refused_and_changes_nothing()
    {
        var username = Arrange.Username("unsigned");

        var response = await _client.CallAsync("AdminCreateUser", new { UserPoolId = UserPoolTestHost.PoolId, Username = username, TemporaryPassword = "Temporary-Pass-1" });

        Assert.That(response.Status, Is.Not.EqualTo(200));
        Assert.That(response.ErrorType, Is.Not.Null.And.Not.Empty);
        var lookup = await AdminAsync("AdminGetUser", new { UserPoolId = UserPoolTestHost.PoolId, Username = username });
        Assert.That(lookup.ErrorType, Is.EqualTo("UserNotFoundException"));
    }

    [Test]
    public async Task Admin_call_signed_with_a_wrong_secret_is_refused()
    {
        var response = await _client.SignedCallAsync("ListUsers", new { UserPoolId = UserPoolTestHost.PoolId }, _host.Options.AdminAccessKeyId, "not-the-secret");

        if (response.Status == 500)
        {
            Assert.Ignore("IRequestAuthenticator is not registered in the host yet.");
        }

        Assert.That(response.Status, Is.Not.EqualTo(200));
        Assert.That(response.ErrorType, Is.Not.Null.And.Not.EqualTo("AccessDeniedException"));
    }

    [Test]
    public async Task Admin_call_signed_by_a_role_session_is_AccessDeniedException()
    {
        ICredentialStore store;
        try
        {
            store = _host.Services.GetRequiredService<ICredentialStore>();
        }
        catch (InvalidOperationException)
        {
            Assert.Ignore("ICredentialStore is not registered in the host yet.");
            return;
        }

        var session = store.IssueRoleSession(UserPoolTestHost.UploadersRole, "CognitoIdentityCredentials", TimeSpan.FromMinutes(5), null, null, []);

        var response = await _client.SignedCallAsync("ListUsers", new { UserPoolId = UserPoolTestHost.PoolId },
            session.AccessKeyId, session.SecretAccessKey, session.SessionToken);

        Assert.That(response.ErrorType, Is.EqualTo("AccessDeniedException"), response.ToString());
        Assert.That(response.Message, Does.Contain("cognito-idp:ListUsers"));
    }

    [Test]
    public async Task Admin_created_user_must_set_a_new_password_at_first_srp_sign_in()
    {
        var username = await CreateUserAsync("Temporary-Pass-1", ("email", "new@example.com"));
        var before = await AdminAsync("AdminGetUser", new { UserPoolId = UserPoolTestHost.PoolId, Username = username });
        Assert.That(before.Body.GetProperty("UserStatus").GetString(), Is.EqualTo("FORCE_CHANGE_PASSWORD"));

        var challenge = await _client.SrpSignInAsync(UserPoolTestHost.AllFlowsClientId, UserPoolTestHost.PoolId, username, "Temporary-Pass-1");
        Assert.That(challenge.Ok, Is.True, challenge.ToString());
        Assert.That(challenge.Body.GetProperty("ChallengeName").GetString(), Is.EqualTo("NEW_PASSWORD_REQUIRED"));
        Assert.That(challenge.Body.TryGetProperty("AuthenticationResult", out _), Is.False);
        var session = challenge.Body.GetProperty("Session").GetString();

        Task<CognitoResponse> Respond(string newPassword) => _client.CallAsync("RespondToAuthChallenge", new
        {
            ClientId = UserPoolTestHost.AllFlowsClientId,
            ChallengeName = "NEW_PASSWORD_REQUIRED",
            Session = session,
            ChallengeResponses = new Dictionary<string, string> { ["USERNAME"] = username, ["NEW_PASSWORD"] = newPassword },
        });
        var weak = await Respond("weak");
        var done = await Respond("Brand-New-Pass-2");
        var reused = await Respond("Another-New-Pass-3");

        Assert.That(weak.ErrorType, Is.EqualTo("InvalidPasswordException"));
        Assert.That(done.Ok, Is.True, done.ToString());
        Assert.That(done.Result.GetProperty("IdToken").GetString(), Is.Not.Empty);
        Assert.That(reused.ErrorType, Is.EqualTo("NotAuthorizedException"), "a challenge session is single-use");
        var withNew = await _client.SrpSignInAsync(UserPoolTestHost.AllFlowsClientId, UserPoolTestHost.PoolId, username, "Brand-New-Pass-2");
        var withOld = await _client.SrpSignInAsync(UserPoolTestHost.AllFlowsClientId, UserPoolTestHost.PoolId, username, "Temporary-Pass-1");
        Assert.That(withNew.Ok && withNew.Body.TryGetProperty("AuthenticationResult", out _), Is.True, withNew.ToString());
        Assert.That(withOld.ErrorType, Is.EqualTo("NotAuthorizedException"));
        var after = await AdminAsync("AdminGetUser", new { UserPoolId = UserPoolTestHost.PoolId, Username = username });
        Assert.That(after.Body.GetProperty("UserStatus").GetString(), Is.EqualTo("CONFIRMED"));
    }

    [Test]
    public async Task A_generated_temporary_password_is_logged_unless_suppressed_and_works_with_password_auth()
    {
        var username = Arrange.Username("invite");
        var created = await AdminAsync("AdminCreateUser", new { UserPoolId = UserPoolTestHost.PoolId, Username = username });
        Assert.That(created.Ok, Is.True, created.ToString());
        var user = created.Body.GetProperty("User");
        Assert.That(user.GetProperty("UserStatus").GetString(), Is.EqualTo("FORCE_CHANGE_PASSWORD"));
        Assert.That(user.GetProperty("Enabled").GetBoolean(), Is.True);
        Assert.That(user.GetProperty("Attributes")[0].GetProperty("Name").GetString(), Is.EqualTo("sub"));

        var match = Regex.Match(_host.Log.Snapshot(), $"temporary password for user '{username}' in \\S+: (\\S+)");
        Assert.That(match.Success, Is.True, "temporary password written to the log");
        var signIn = await _client.PasswordSignInAsync(UserPoolTestHost.AllFlowsClientId, username, match.Groups[1].Value);
        Assert.That(signIn.Body.GetProperty("ChallengeName").GetString(), Is.EqualTo("NEW_PASSWORD_REQUIRED"), signIn.ToString());

        var suppressed = await CreateUserAsync("Temporary-Pass-1");
        Assert.That(_host.Log.Snapshot(), Does.Not.Contain($"user '{suppressed}'"));
    }

    [Test]
    public async Task Creating_a_taken_username_is_UsernameExistsException()
    {
        var username = await CreateUserAsync("Temporary-Pass-1");

        var again = await AdminAsync("AdminCreateUser", new { UserPoolId = UserPoolTestHost.PoolId, Username = username.ToUpperInvariant(), MessageAction = "SUPPRESS" });

        Assert.That(again.ErrorType, Is.EqualTo("UsernameExistsException"));
    }

    [Test]
    public async Task Set_password_permanent_confirms_and_temporary_forces_a_change()
    {
        var username = await CreateUserAsync("Temporary-Pass-1");

        var permanent = await AdminAsync("AdminSetUserPassword", new { UserPoolId = UserPoolTestHost.PoolId, Username = username, Password = "Permanent-Pass-1", Permanent = true });
        var signIn = await _client.PasswordSignInAsync(UserPoolTestHost.AllFlowsClientId, username, "Permanent-Pass-1");
        var temporary = await AdminAsync("AdminSetUserPassword", new { UserPoolId = UserPoolTestHost.PoolId, Username = username, Password = "Temporary-Pass-2", Permanent = false });
        var forced = await _client.PasswordSignInAsync(UserPoolTestHost.AllFlowsClientId, username, "Temporary-Pass-2");
        var weak = await AdminAsync("AdminSetUserPassword", new { UserPoolId = UserPoolTestHost.PoolId, Username = username, Password = "short", Permanent = true });

        Assert.That(permanent.Ok, Is.True, permanent.ToString());
        Assert.That(signIn.Body.TryGetProperty("AuthenticationResult", out _), Is.True, signIn.ToString());
        Assert.That(temporary.Ok, Is.True, temporary.ToString());
        Assert.That(forced.Body.GetProperty("ChallengeName").GetString(), Is.EqualTo("NEW_PASSWORD_REQUIRED"));
        Assert.That(weak.ErrorType, Is.EqualTo("InvalidPasswordException"));
    }

    [Test]
    public async Task Group_membership_changes_show_in_new_tokens()
    {
        var username = await CreateUserAsync("Temporary-Pass-1");
        await AdminAsync("AdminSetUserPassword", new { UserPoolId = UserPoolTestHost.PoolId, Username = username, Password = Arrange.Password, Permanent = true });

        var add = await AdminAsync("AdminAddUserToGroup", new { UserPoolId = UserPoolTestHost.PoolId, Username = username, GroupName = "uploaders" });
        var addAgain = await AdminAsync("AdminAddUserToGroup", new { UserPoolId = UserPoolTestHost.PoolId, Username = username, GroupName = "uploaders" });
        var inGroup = await _client.PasswordSignInAsync(UserPoolTestHost.AllFlowsClientId, username, Arrange.Password);
        var remove = await AdminAsync("AdminRemoveUserFromGroup", new { UserPoolId = UserPoolTestHost.PoolId, Username = username, GroupName = "uploaders" });
        var outOfGroup = await _client.PasswordSignInAsync(UserPoolTestHost.AllFlowsClientId, username, Arrange.Password);
        var noGroup = await AdminAsync("AdminAddUserToGroup", new { UserPoolId = UserPoolTestHost.PoolId, Username = username, GroupName = "nope" });
        var noUser = await AdminAsync("AdminAddUserToGroup", new { UserPoolId = UserPoolTestHost.PoolId, Username = "nobody-here", GroupName = "uploaders" });
        var noPool = await AdminAsync("AdminAddUserToGroup", new { UserPoolId = "us-east-1_Missing99", Username = username, GroupName = "uploaders" });

        Assert.That(add.Ok && addAgain.Ok && remove.Ok, Is.True);
        var withGroup = Arrange.Payload(inGroup.Result.GetProperty("IdToken").GetString()!);
        Assert.That(Arrange.Strings(withGroup.GetProperty("cognito:groups")), Is.EqualTo(new[] { "uploaders" }));
        Assert.That(withGroup.GetProperty("cognito:preferred_role").GetString(), Is.EqualTo(UserPoolTestHost.UploadersRole));
        Assert.That(Arrange.Payload(outOfGroup.Result.GetProperty("IdToken").GetString()!).TryGetProperty("cognito:groups", out _), Is.False);
        Assert.That(noGroup.ErrorType, Is.EqualTo("ResourceNotFoundException"));
        Assert.That(noUser.ErrorType, Is.EqualTo("UserNotFoundException"));
        Assert.That(noPool.ErrorType, Is.EqualTo("ResourceNotFoundException"));
    }

    [Test]
    public async Task Delete_removes_the_user_and_revokes_their_refresh_tokens()
    {
        var username = await CreateUserAsync("Temporary-Pass-1");
        await AdminAsync("AdminSetUserPassword", new { UserPoolId = UserPoolTestHost.PoolId, Username = username, Password = Arrange.Password, Permanent = true });
        var signIn = await _client.PasswordSignInAsync(UserPoolTestHost.AllFlowsClientId, username, Arrange.Password);

        var deleted = await AdminAsync("AdminDeleteUser", new { UserPoolId = UserPoolTestHost.PoolId, Username = username });
        var lookup = await AdminAsync("AdminGetUser", new { UserPoolId = UserPoolTestHost.PoolId, Username = username });
        var again = await AdminAsync("AdminDeleteUser", new { UserPoolId = UserPoolTestHost.PoolId, Username = username });
        var refresh = await _client.RefreshAsync(UserPoolTestHost.AllFlowsClientId, signIn.Result.GetProperty("RefreshToken").GetString()!);
        var reSignIn = await _client.PasswordSignInAsync(UserPoolTestHost.AllFlowsClientId, username, Arrange.Password);

        Assert.That(deleted.Ok, Is.True, deleted.ToString());
        Assert.That(lookup.ErrorType, Is.EqualTo("UserNotFoundException"));
        Assert.That(again.ErrorType, Is.EqualTo("UserNotFoundException"));
        Assert.That(refresh.ErrorType, Is.EqualTo("NotAuthorizedException"));
        Assert.That(reSignIn.Message, Is.EqualTo("Incorrect username or password."));
    }

    [Test]
    public async Task ListUsers_filters_and_pages()
    {
        var stem = "lst" + Guid.NewGuid().ToString("N")[..5];
        for (var i = 0; i < 3; i++)
        {
            var created = await AdminAsync("AdminCreateUser", new
            {
                UserPoolId = UserPoolTestHost.PoolId,
                Username = $"{stem}{i}",
                MessageAction = "SUPPRESS",
                UserAttributes = new[] { new { Name = "email", Value = $"{stem}{i}@example.com" } },
            });
            Assert.That(created.Ok, Is.True, created.ToString());
        }

        var page1 = await AdminAsync("ListUsers", new { UserPoolId = UserPoolTestHost.PoolId, Filter = $"username ^= \"{stem}\"", Limit = 2 });
        var page2 = await AdminAsync("ListUsers", new
        {
            UserPoolId = UserPoolTestHost.PoolId,
            Filter = $"username ^= \"{stem}\"",
            Limit = 2,
            PaginationToken = page1.Body.GetProperty("PaginationToken").GetString(),
        });
        var byEmail = await AdminAsync("ListUsers", new { UserPoolId = UserPoolTestHost.PoolId, Filter = $"email = \"{stem}1@example.com\"", AttributesToGet = new[] { "email" } });
        var badFilter = await AdminAsync("ListUsers", new { UserPoolId = UserPoolTestHost.PoolId, Filter = "shoe_size = \"9\"" });

        var names = page1.Body.GetProperty("Users").EnumerateArray().Concat(page2.Body.GetProperty("Users").EnumerateArray())
            .Select(u => u.GetProperty("Username").GetString()).ToArray();
        Assert.That(names, Is.EqualTo(new[] { $"{stem}0", $"{stem}1", $"{stem}2" }));
        Assert.That(page2.Body.TryGetProperty("PaginationToken", out _), Is.False);
        var found = byEmail.Body.GetProperty("Users").EnumerateArray().Single();
        Assert.That(found.GetProperty("Username").GetString(), Is.EqualTo($"{stem}1"));
        Assert.That(found.GetProperty("Attributes").GetArrayLength(), Is.EqualTo(1), "AttributesToGet narrows the attributes");
        Assert.That(badFilter.ErrorType, Is.EqualTo("InvalidParameterException"));
    }

    [Test]
    public async Task ListGroups_returns_the_template_groups_with_roles_and_precedence()
    {
        var response = await AdminAsync("ListGroups", new { UserPoolId = UserPoolTestHost.PoolId });

        Assert.That(response.Ok, Is.True, response.ToString());
        var groups = response.Body.GetProperty("Groups").EnumerateArray().ToDictionary(g => g.GetProperty("GroupName").GetString()!);
        Assert.That(groups.Keys, Is.SupersetOf(new[] { "admins", "uploaders", "viewers", "loose" }));
        Assert.That(groups["admins"].GetProperty("RoleArn").GetString(), Is.EqualTo(UserPoolTestHost.AdminsRole));
        Assert.That(groups["admins"].GetProperty("Precedence").GetInt32(), Is.EqualTo(0));
        Assert.That(groups["admins"].GetProperty("UserPoolId").GetString(), Is.EqualTo(UserPoolTestHost.PoolId));
        Assert.That(groups["loose"].TryGetProperty("Precedence", out _), Is.False);
    }
}
