using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using DirectAccess.Local.Identity.Tests.IdentityPool;

namespace DirectAccess.Local.Identity.Tests.Sts;

/// <summary>
/// The basic (classic) flow on the variant template's ClassicPool: <c>GetOpenIdToken</c>, then STS
/// <c>AssumeRoleWithWebIdentity</c> through the real AWS SDK (AWSSDK.SecurityToken) against the local endpoint.
/// </summary>
public sealed class BasicFlowTests : VariantTemplateCloud
{
    private async Task<(string IdentityId, string Token)> OpenIdTokenAsync()
    {
        var login = Tokens.Logins(Tokens.IdToken(Guid.NewGuid().ToString(), "staff"));
        var identityId = (await Client.GetIdAsync(PoolId("ClassicPool"), login)).Ok().GetProperty("IdentityId").GetString()!;
        var reply = (await Client.GetOpenIdTokenAsync(identityId, login)).Ok();
        Assert.That(reply.GetProperty("IdentityId").GetString(), Is.EqualTo(identityId));
        return (identityId, reply.GetProperty("Token").GetString()!);
    }

    private AmazonSecurityTokenServiceClient Sts(AWSCredentials? credentials = null) =>
        new(credentials ?? new AnonymousAWSCredentials(), new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = Cloud.Endpoint.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });

    private static AssumeRoleWithWebIdentityRequest Request(string roleArn, string token, int? duration = null) => new()
    {
        RoleArn = roleArn,
        RoleSessionName = "basic-flow-test",
        WebIdentityToken = token,
        DurationSeconds = duration,
    };

    [Test]
    public async Task OpenId_token_has_the_identity_pool_claims()
    {
        var (identityId, token) = await OpenIdTokenAsync();
        var parts = token.Split('.');
        var header = JsonDocument.Parse(Decode(parts[0])).RootElement;
        var claims = JsonDocument.Parse(Decode(parts[1])).RootElement;
        var provider = Tokens.ProviderName;
        Assert.Multiple(() =>
        {
            Assert.That(header.GetProperty("alg").GetString(), Is.EqualTo("RS256"));
            Assert.That(header.GetProperty("kid").GetString(), Is.Not.Empty);
            Assert.That(claims.GetProperty("iss").GetString(), Is.EqualTo("https://cognito-identity.amazonaws.com"));
            Assert.That(claims.GetProperty("aud").GetString(), Is.EqualTo(PoolId("ClassicPool")));
            Assert.That(claims.GetProperty("sub").GetString(), Is.EqualTo(identityId));
            Assert.That(claims.GetProperty("amr").EnumerateArray().Select(a => a.GetString()).ToArray()[..2], Is.EqualTo(new[] { "authenticated", provider }));
            Assert.That(claims.GetProperty("amr")[2].GetString(), Does.Match($"^{System.Text.RegularExpressions.Regex.Escape(provider)}:CognitoSignIn:[0-9a-f-]{{36}}$"));
            Assert.That(claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64(), Is.EqualTo(600));
        });
    }

    [Test]
    public async Task AssumeRoleWithWebIdentity_through_the_AWS_SDK_returns_role_credentials()
    {
        var (identityId, token) = await OpenIdTokenAsync();
        using var sts = Sts();
        var role = Cloud.Cloud.Stack.Roles.Single(r => r.LogicalId == "StaffRole");
        var response = await sts.AssumeRoleWithWebIdentityAsync(Request(role.Arn, token, 7200));
        Assert.Multiple(() =>
        {
            Assert.That(response.Credentials.AccessKeyId, Does.Match("^ASIA[A-Z0-9]{16}$"));
            Assert.That(response.Credentials.SecretAccessKey, Has.Length.EqualTo(40));
            Assert.That(response.Credentials.SessionToken, Is.Not.Empty);
            Assert.That(response.Credentials.Expiration!.Value.ToUniversalTime(), Is.EqualTo(DateTime.UtcNow.AddHours(2)).Within(TimeSpan.FromMinutes(1)));
            Assert.That(response.AssumedRoleUser.Arn, Is.EqualTo($"arn:aws:sts::000000000000:assumed-role/{role.Name}/basic-flow-test"));
            Assert.That(response.AssumedRoleUser.AssumedRoleId, Does.Match("^AROA[A-Z0-9]{17}:basic-flow-test$"));
            Assert.That(response.SubjectFromWebIdentityToken, Is.EqualTo(identityId));
            Assert.That(response.Audience, Is.EqualTo(PoolId("ClassicPool")));
            Assert.That(response.Provider, Is.EqualTo("cognito-identity.amazonaws.com"));
        });
    }

    [Test]
    public async Task GetCallerIdentity_signed_with_the_assumed_credentials_names_the_session()
    {
        var (_, token) = await OpenIdTokenAsync();
        using var anonymous = Sts();
        var role = Cloud.Cloud.Stack.Roles.Single(r => r.LogicalId == "DefaultRole");
        var assumed = await anonymous.AssumeRoleWithWebIdentityAsync(Request(role.Arn, token));
        using var signed = Sts(new SessionAWSCredentials(assumed.Credentials.AccessKeyId, assumed.Credentials.SecretAccessKey, assumed.Credentials.SessionToken));
        var caller = await signed.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        Assert.That((caller.Arn, caller.Account, caller.UserId), Is.EqualTo((assumed.AssumedRoleUser.Arn, "000000000000", assumed.AssumedRoleUser.AssumedRoleId)));
    }

    [Test]
    public async Task Duration_over_the_role_maximum_is_a_validation_error()
    {
        var (_, token) = await OpenIdTokenAsync();
        using var sts = Sts();
        var error = Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleWithWebIdentityAsync(Request(Tokens.RoleArn("DefaultRole"), token, 7200)))!;
        Assert.That((error.ErrorCode, error.Message), Is.EqualTo(("ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.")));
    }

    [Test]
    public async Task Role_without_an_audience_condition_or_unknown_is_access_denied()
    {
        var (_, token) = await OpenIdTokenAsync();
        using var sts = Sts();
        foreach (var roleArn in new[] { Tokens.RoleArn("LooseRole"), "arn:aws:iam::000000000000:role/NotInTheTemplate" })
        {
            var error = Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleWithWebIdentityAsync(Request(roleArn, token)))!;
            Assert.That((error.ErrorCode, error.StatusCode), Is.EqualTo(("AccessDenied", HttpStatusCode.Forbidden)));
        }
    }

    [Test]
    public async Task Forged_or_user_pool_tokens_are_invalid_identity_tokens()
    {
        var (_, token) = await OpenIdTokenAsync();
        var parts = token.Split('.');
        var forged = parts[0] + "." + parts[1] + "." + new string('A', parts[2].Length);
        using var sts = Sts();
        foreach (var candidate in new[] { forged, Tokens.IdToken(Guid.NewGuid().ToString(), "staff") })
        {
            Assert.ThrowsAsync<InvalidIdentityTokenException>(() => sts.AssumeRoleWithWebIdentityAsync(Request(Tokens.RoleArn("DefaultRole"), candidate)));
        }
    }

    [Test]
    public async Task Query_errors_are_ErrorResponse_xml()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(Cloud.Endpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Action"] = "AssumeRole", ["Version"] = "2011-06-15",
        }));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body, Does.StartWith("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>InvalidAction</Code>"));
    }

    private static string Decode(string part) =>
        Encoding.UTF8.GetString(Convert.FromBase64String(part.Replace('-', '+').Replace('_', '/').PadRight(part.Length + (4 - part.Length % 4) % 4, '=')));
}
