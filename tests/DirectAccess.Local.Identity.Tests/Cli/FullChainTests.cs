using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DirectAccess.Local.Identity.Tests.Support;
using DirectAccess.Testing;

namespace DirectAccess.Local.Identity.Tests.Cli;

/// <summary>
/// The full chain on the repository template with real pieces only: users made with the AWS CLI's signed admin
/// calls, a real <c>InitiateAuth</c> (USER_PASSWORD_AUTH) for the ID token, then <c>aws cognito-identity get-id</c> /
/// <c>get-credentials-for-identity</c>, and <c>aws sts get-caller-identity</c> signed with the issued credentials.
/// </summary>
public sealed class FullChainTests
{
    private const string Password = "Correct-Horse-42";

    private TestCloud _cloud = null!;
    private AwsCli _cli = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        OutsideTools.Require("aws");
        _cloud = await TestCloud.StartAsync();
        _cli = new AwsCli(_cloud.Endpoint);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _cloud.DisposeAsync();

    private string UserPoolId => _cloud.Cloud.Stack.UserPools.Single().Id;

    private string ClientId => _cloud.Cloud.Stack.UserPools.Single().Clients.Single().ClientId;

    private string IdentityPoolId => _cloud.Cloud.Stack.IdentityPools.Single().Id;

    private string Provider => $"cognito-idp.us-east-1.amazonaws.com/{UserPoolId}";

    [Test]
    public async Task Sign_in_then_cli_get_id_and_credentials_then_signed_get_caller_identity()
    {
        var username = "chain-" + Guid.NewGuid().ToString("N")[..8];
        await CreateUserAsync(username, "uploaders");
        var idToken = await SignInAsync(username);
        var logins = JsonSerializer.Serialize(new Dictionary<string, string> { [Provider] = idToken });

        var identityId = (await _cli.RunAsync(["cognito-identity", "get-id", "--identity-pool-id", IdentityPoolId, "--logins", logins]))
            .Json().GetProperty("IdentityId").GetString()!;
        var credentials = (await _cli.RunAsync(["cognito-identity", "get-credentials-for-identity", "--identity-id", identityId, "--logins", logins]))
            .Json().GetProperty("Credentials");
        var key = credentials.GetProperty("AccessKeyId").GetString()!;
        var caller = (await _cli.RunAsync(["sts", "get-caller-identity"],
            (key, credentials.GetProperty("SecretKey").GetString()!, credentials.GetProperty("SessionToken").GetString()))).Json();

        var role = _cloud.Cloud.Stack.Roles.Single(r => r.LogicalId == "UploadersRole");
        Assert.That(caller.GetProperty("Arn").GetString(), Is.EqualTo($"arn:aws:sts::000000000000:assumed-role/{role.Name}/CognitoIdentityCredentials"));
        Assert.That(caller.GetProperty("Account").GetString(), Is.EqualTo("000000000000"));
        Assert.That(key, Does.StartWith("ASIA"));
    }

    [Test]
    public async Task Cli_admin_reads_describe_the_pool_roles_and_identities()
    {
        var username = "admin-read-" + Guid.NewGuid().ToString("N")[..8];
        await CreateUserAsync(username, "viewers");
        var logins = JsonSerializer.Serialize(new Dictionary<string, string> { [Provider] = await SignInAsync(username) });
        var identityId = (await _cli.RunAsync(["cognito-identity", "get-id", "--identity-pool-id", IdentityPoolId, "--logins", logins]))
            .Json().GetProperty("IdentityId").GetString()!;

        var pool = (await _cli.RunAsync(["cognito-identity", "describe-identity-pool", "--identity-pool-id", IdentityPoolId])).Json();
        Assert.That(pool.GetProperty("AllowClassicFlow").GetBoolean(), Is.False);
        Assert.That(pool.GetProperty("CognitoIdentityProviders")[0].GetProperty("ClientId").GetString(), Is.EqualTo(ClientId));

        var roles = (await _cli.RunAsync(["cognito-identity", "get-identity-pool-roles", "--identity-pool-id", IdentityPoolId])).Json();
        Assert.That(roles.GetProperty("RoleMappings").GetProperty($"{Provider}:{ClientId}").GetProperty("AmbiguousRoleResolution").GetString(), Is.EqualTo("Deny"));

        var listed = (await _cli.RunAsync(["cognito-identity", "list-identities", "--identity-pool-id", IdentityPoolId, "--max-results", "60"])).Json();
        Assert.That(listed.GetProperty("Identities").EnumerateArray().Select(i => i.GetProperty("IdentityId").GetString()), Does.Contain(identityId));
    }

    [Test]
    public async Task Password_sign_in_then_GetId_then_GetCredentialsForIdentity_median_latency()
    {
        var username = "latency-" + Guid.NewGuid().ToString("N")[..8];
        await CreateUserAsync(username, "uploaders");
        var client = new IdentityPoolClient(_cloud.Endpoint);
        var samples = new List<double>();
        for (var i = 0; i < 21; i++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var logins = new Dictionary<string, string> { [Provider] = await SignInAsync(username) };
            var identityId = (await client.GetIdAsync(IdentityPoolId, logins)).Ok().GetProperty("IdentityId").GetString()!;
            (await client.GetCredentialsAsync(identityId, logins)).Ok();
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }

        samples.Sort();
        TestContext.Out.WriteLine($"USER_PASSWORD_AUTH + GetId + GetCredentialsForIdentity: median {samples[10]:F1} ms, max {samples[^1]:F1} ms (21 runs)");
        Assert.That(samples[10], Is.LessThan(50));
    }

    [Test]
    public async Task Cli_get_caller_identity_with_the_admin_key_is_the_account_root()
    {
        var caller = (await _cli.RunAsync(["sts", "get-caller-identity"])).Json();
        Assert.That(caller.GetProperty("Arn").GetString(), Is.EqualTo("arn:aws:iam::000000000000:root"));
    }

    [Test]
    public async Task Cli_errors_carry_the_aws_error_code()
    {
        var unauthenticated = await _cli.RunAsync(["cognito-identity", "get-id", "--identity-pool-id", IdentityPoolId]);
        Assert.That(unauthenticated.ExitCode, Is.Not.Zero);
        Assert.That(unauthenticated.Stderr, Does.Contain("NotAuthorizedException").And.Contain("Unauthenticated access is not supported for this identity pool."));
    }

    private async Task CreateUserAsync(string username, string group)
    {
        (await _cli.RunAsync(["cognito-idp", "admin-create-user", "--user-pool-id", UserPoolId, "--username", username, "--message-action", "SUPPRESS"])).Json();
        (await _cli.RunAsync(["cognito-idp", "admin-set-user-password", "--user-pool-id", UserPoolId, "--username", username, "--password", Password, "--permanent"])).Json();
        (await _cli.RunAsync(["cognito-idp", "admin-add-user-to-group", "--user-pool-id", UserPoolId, "--username", username, "--group-name", group])).Json();
    }

    private async Task<string> SignInAsync(string username)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, _cloud.Endpoint);
        request.Headers.Add("X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth");
        var body = new JsonObject
        {
            ["AuthFlow"] = "USER_PASSWORD_AUTH",
            ["ClientId"] = ClientId,
            ["AuthParameters"] = new JsonObject { ["USERNAME"] = username, ["PASSWORD"] = Password },
        };
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
        return JsonDocument.Parse(text).RootElement.GetProperty("AuthenticationResult").GetProperty("IdToken").GetString()!;
    }
}
