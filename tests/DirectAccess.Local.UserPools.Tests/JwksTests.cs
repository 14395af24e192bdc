using System.Text.Json;
using DirectAccess.Local.Security;
using DirectAccess.Local.UserPools.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DirectAccess.Local.UserPools.Tests;

/// <summary>JWKS and OpenID configuration over HTTP validate the issued tokens (Cognito "Verifying a JSON web token").</summary>
public sealed class JwksTests
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

    private static string Issuer => $"https://cognito-idp.us-east-1.amazonaws.com/{UserPoolTestHost.PoolId}";

    private async Task<string> IdTokenAsync()
    {
        var username = Arrange.Username("jwks");
        await Arrange.ConfirmedUserAsync(_host, _client, username);
        var signIn = await _client.SrpSignInAsync(UserPoolTestHost.AllFlowsClientId, UserPoolTestHost.PoolId, username, Arrange.Password);
        Assert.That(signIn.Ok, Is.True, signIn.ToString());
        return signIn.Result.GetProperty("IdToken").GetString()!;
    }

    private async Task<JsonWebKeySet> JwksAsync()
    {
        var (status, body) = await _client.GetAsync($"/{UserPoolTestHost.PoolId}/.well-known/jwks.json");
        Assert.That(status, Is.EqualTo(200), body);
        return new JsonWebKeySet(body);
    }

    private static Task<TokenValidationResult> ValidateAsync(string token, JsonWebKeySet jwks, string audience) =>
        new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });

    [Test]
    public async Task Id_token_validates_against_the_jwks_fetched_over_http()
    {
        var token = await IdTokenAsync();
        var jwks = await JwksAsync();

        var result = await ValidateAsync(token, jwks, UserPoolTestHost.AllFlowsClientId);

        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
        var key = jwks.Keys.Single();
        Assert.That((key.Kty, key.Alg, key.Use), Is.EqualTo(("RSA", "RS256", "sig")));
        Assert.That(key.Kid, Is.EqualTo(Arrange.Header(token).GetProperty("kid").GetString()));
        Assert.That(Base64UrlEncoder.DecodeBytes(key.N), Has.Length.EqualTo(256), "2048-bit modulus");
    }

    [Test]
    public async Task A_token_with_a_changed_claim_or_wrong_audience_does_not_validate()
    {
        var token = await IdTokenAsync();
        var jwks = await JwksAsync();
        var parts = token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, object>>(Base64UrlEncoder.Decode(parts[1]))!;
        payload["cognito:groups"] = new[] { "admins" };
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload))}.{parts[2]}";

        var tamperedResult = await ValidateAsync(tampered, jwks, UserPoolTestHost.AllFlowsClientId);
        var wrongAudience = await ValidateAsync(token, jwks, UserPoolTestHost.SrpOnlyClientId);

        Assert.That(tamperedResult.IsValid, Is.False);
        Assert.That(wrongAudience.IsValid, Is.False);
    }

    [Test]
    public async Task Openid_configuration_names_the_aws_issuer_and_a_reachable_jwks_uri()
    {
        var (status, body) = await _client.GetAsync($"/{UserPoolTestHost.PoolId}/.well-known/openid-configuration");

        Assert.That(status, Is.EqualTo(200), body);
        using var document = JsonDocument.Parse(body);
        Assert.That(document.RootElement.GetProperty("issuer").GetString(), Is.EqualTo(Issuer));
        var jwksUri = new Uri(document.RootElement.GetProperty("jwks_uri").GetString()!);
        var (jwksStatus, _) = await _client.GetAsync(jwksUri.PathAndQuery);
        Assert.That(jwksStatus, Is.EqualTo(200));
        Assert.That(jwksUri.Authority, Is.EqualTo(_host.Endpoint.Authority));
    }

    [Test]
    public async Task Unknown_pool_well_known_is_404()
    {
        var (status, body) = await _client.GetAsync("/us-east-1_Nope12345/.well-known/jwks.json");

        Assert.That(status, Is.EqualTo(404));
        Assert.That(body, Does.Contain("ResourceNotFoundException"));
    }

    [Test]
    public async Task IUserPoolKeys_gives_the_public_key_for_the_token_kid_and_nothing_for_others()
    {
        var token = await IdTokenAsync();
        var kid = Arrange.Header(token).GetProperty("kid").GetString()!;
        var keys = _host.Services.GetRequiredService<IUserPoolKeys>();

        var rsa = keys.FindSigningKey(UserPoolTestHost.PoolId, kid);

        Assert.That(rsa, Is.Not.Null);
        Assert.That(() => rsa!.ExportParameters(includePrivateParameters: true), Throws.InstanceOf<System.Security.Cryptography.CryptographicException>(),
            "only the public key leaves the user pools");
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = UserPoolTestHost.AllFlowsClientId,
            IssuerSigningKey = new RsaSecurityKey(rsa!) { KeyId = kid },
        });
        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
        Assert.That(keys.FindSigningKey(UserPoolTestHost.PoolId, "other-kid"), Is.Null);
        Assert.That(keys.FindSigningKey("us-east-1_Other1234", kid), Is.Null);
    }
}
