using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using DirectAccess.Local.Identity.Tests.Support;
using DirectAccess.Testing;

namespace DirectAccess.Local.Identity.Tests.Sts;

/// <summary>
/// Identity-pool credentials carry <see cref="LocalCloudOptions.CredentialLifetime"/> as their expiry, and a signed
/// STS call with them works before and fails after it (checked by the SDK, not by reading our own store).
/// </summary>
public sealed class CredentialExpiryTests
{
    [Test]
    public async Task Credentials_expire_after_the_configured_lifetime()
    {
        await using var cloud = await TestCloud.StartAsync(o => o with { CredentialLifetime = TimeSpan.FromSeconds(2) });
        var tokens = new TokenMinter(cloud);
        var client = new IdentityPoolClient(cloud.Endpoint);
        var logins = tokens.Logins(tokens.IdToken(Guid.NewGuid().ToString(), "viewers"));
        var identityId = (await client.GetIdAsync(cloud.Cloud.Stack.IdentityPools.Single().Id, logins)).Ok().GetProperty("IdentityId").GetString()!;
        var credentials = (await client.GetCredentialsAsync(identityId, logins)).Ok().GetProperty("Credentials");
        Assert.That(credentials.GetProperty("Expiration").GetInt64() - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), Is.InRange(0, 3));

        using var sts = new AmazonSecurityTokenServiceClient(
            new SessionAWSCredentials(credentials.GetProperty("AccessKeyId").GetString(), credentials.GetProperty("SecretKey").GetString(),
                credentials.GetProperty("SessionToken").GetString()),
            new AmazonSecurityTokenServiceConfig { ServiceURL = cloud.Endpoint.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        var before = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        Assert.That(before.Arn, Does.EndWith("/CognitoIdentityCredentials"));

        await Task.Delay(TimeSpan.FromSeconds(3.5));
        var error = Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()))!;
        Assert.That(error.ErrorCode, Is.EqualTo("ExpiredToken"));
    }

    [Test]
    public async Task Unsigned_GetCallerIdentity_is_refused_with_an_ErrorResponse()
    {
        await using var cloud = await TestCloud.StartAsync();
        using var http = new HttpClient();
        using var response = await http.PostAsync(cloud.Endpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Action"] = "GetCallerIdentity", ["Version"] = "2011-06-15",
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.AnyOf(400, 403), body);
        Assert.That(body, Does.StartWith("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error>"));
        Assert.That(body, Does.Not.Contain("<Arn>"));
    }
}
