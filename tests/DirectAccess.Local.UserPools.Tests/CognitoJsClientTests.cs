using System.Diagnostics;
using System.Text.Json;
using DirectAccess.Local.UserPools.Tests.Support;
using DirectAccess.Testing;

namespace DirectAccess.Local.UserPools.Tests;

/// <summary>
/// AWS's own SRP client, amazon-cognito-identity-js (npm), signs in against the local user pools: an implementation
/// of REFERENCE.md §3 that shares nothing with ours. Needs <c>node</c> and <c>COGNITO_IDENTITY_JS_DIR</c> pointing at a
/// directory where <c>npm install amazon-cognito-identity-js</c> was run; ignored otherwise.
/// </summary>
public sealed class CognitoJsClientTests
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

    private async Task<JsonElement> SignInAsync(string username, string password)
    {
        var node = OutsideTools.Require("node");
        var library = Environment.GetEnvironmentVariable("COGNITO_IDENTITY_JS_DIR");
        if (library is null || !Directory.Exists(Path.Combine(library, "node_modules", "amazon-cognito-identity-js")))
        {
            Assert.Ignore("amazon-cognito-identity-js not installed: set COGNITO_IDENTITY_JS_DIR to a directory where `npm install amazon-cognito-identity-js` ran.");
        }

        var start = new ProcessStartInfo(node) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "js", "srp-sign-in.cjs"), _host.Endpoint.ToString(), UserPoolTestHost.PoolId,
                     UserPoolTestHost.AllFlowsClientId, username, password,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["COGNITO_IDENTITY_JS_DIR"] = library;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var output = (await stdout).Trim();
        Assert.That(output, Is.Not.Empty, await stderr);
        using var document = JsonDocument.Parse(output.Split('\n')[^1]);
        return document.RootElement.Clone();
    }

    [Test]
    public async Task Aws_js_client_signs_in_with_srp_refreshes_and_is_refused_with_a_wrong_password()
    {
        var username = Arrange.Username("js");
        var sub = await Arrange.ConfirmedUserAsync(_host, _client, username);

        var ok = await SignInAsync(username, Arrange.Password);
        var wrong = await SignInAsync(username, "Wrong-Password-1");

        Assert.That(ok.GetProperty("ok").GetBoolean(), Is.True, ok.ToString());
        Assert.That(Arrange.Payload(ok.GetProperty("idToken").GetString()!).GetProperty("sub").GetString(), Is.EqualTo(sub));
        var refreshed = Arrange.Payload(ok.GetProperty("refreshedIdToken").GetString()!);
        Assert.That(refreshed.GetProperty("sub").GetString(), Is.EqualTo(sub), "the JS client's refreshSession (REFRESH_TOKEN_AUTH) works");
        Assert.That(refreshed.GetProperty("jti").GetString(), Is.Not.EqualTo(Arrange.Payload(ok.GetProperty("idToken").GetString()!).GetProperty("jti").GetString()));
        Assert.That(wrong.GetProperty("ok").GetBoolean(), Is.False);
        Assert.That(wrong.GetProperty("code").GetString(), Is.EqualTo("NotAuthorizedException"));
        Assert.That(wrong.GetProperty("message").GetString(), Is.EqualTo("Incorrect username or password."));
    }
}
