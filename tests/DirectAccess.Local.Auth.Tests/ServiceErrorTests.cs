using System.Text;
using DirectAccess.Local.Auth.Tests.Support;

namespace DirectAccess.Local.Auth.Tests;

/// <summary>Buffered (non-S3) services: payload hash, double-encoded paths, and each service's own error codes.</summary>
public sealed class ServiceErrorTests
{
    private AuthTestHost _host = null!;
    private HttpClient _http = null!;
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("{\"name\":\"alice\"}");

    /// <summary>A Lambda Invoke path with an ARN as function name: colons are percent-encoded and double-encoded when signed.</summary>
    private const string InvokePath = "/_svc/lambda/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3AWhoAmI/invocations?Qualifier=%24LATEST";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await AuthTestHost.StartAsync();
        _http = new HttpClient();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<(int Status, string? Code, string? Message)> SendAsync(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request);
        return await HostResponses.ReadAsync(response);
    }

    private HttpRequestMessage Invoke(TestSigner signer, byte[]? body = null, string? payloadHash = null) =>
        signer.Sign(HttpMethod.Post, new Uri(_host.Endpoint, InvokePath), body ?? Payload, payloadHash: payloadHash, sendContentSha256: payloadHash is not null);

    private HttpRequestMessage Call(string service, TestSigner signer) =>
        signer.Sign(HttpMethod.Post, new Uri(_host.Endpoint, $"/_svc/{service}/"), Payload, sendContentSha256: false);

    [Test]
    public async Task A_Lambda_Invoke_with_an_ARN_in_the_path_verifies()
    {
        Assert.That(await SendAsync(Invoke(new TestSigner(TestKeys.Temporary) { Service = "lambda" })), Is.EqualTo((200, (string?)null, (string?)null)));
    }

    [Test]
    public async Task A_tampered_Lambda_body_fails_with_InvalidSignatureException()
    {
        var request = Invoke(new TestSigner(TestKeys.Temporary) { Service = "lambda" });
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"name\":\"mallory\"}"));
        Assert.That(await SendAsync(request), Is.EqualTo((403, "InvalidSignatureException",
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")));
    }

    [Test]
    public async Task A_Lambda_body_that_does_not_match_its_x_amz_content_sha256_fails()
    {
        var request = Invoke(new TestSigner(TestKeys.Temporary) { Service = "lambda" }, payloadHash: new string('a', 64));
        Assert.That((await SendAsync(request)).Code, Is.EqualTo("InvalidSignatureException"));
    }

    [Test]
    public async Task UNSIGNED_PAYLOAD_is_refused_outside_S3()
    {
        var request = Invoke(new TestSigner(TestKeys.Temporary) { Service = "lambda" }, payloadHash: "UNSIGNED-PAYLOAD");
        Assert.That((await SendAsync(request)).Code, Is.EqualTo("InvalidSignatureException"));
    }

    [TestCase("lambda", 403, "UnrecognizedClientException")]
    [TestCase("cognito-idp", 403, "UnrecognizedClientException")]
    [TestCase("cognito-identity", 403, "UnrecognizedClientException")]
    [TestCase("sts", 403, "InvalidClientTokenId")]
    public async Task An_unknown_key_fails_with_the_services_code(string service, int status, string code)
    {
        var signer = new TestSigner(TestKeys.LongTerm with { AccessKeyId = "AKIANOBODY0000000000" }) { Service = service };
        Assert.That(await SendAsync(Call(service, signer)), Is.EqualTo((status, code, "The security token included in the request is invalid.")));
    }

    [TestCase("lambda", 403, "ExpiredTokenException")]
    [TestCase("cognito-idp", 403, "ExpiredTokenException")]
    [TestCase("sts", 400, "ExpiredToken")]
    public async Task Expired_credentials_fail_with_the_services_code(string service, int status, string code)
    {
        var (actualStatus, actualCode, _) = await SendAsync(Call(service, new TestSigner(TestKeys.Expired) { Service = service }));
        Assert.That((actualStatus, actualCode), Is.EqualTo((status, code)));
    }

    [TestCase("lambda", "InvalidSignatureException")]
    [TestCase("sts", "SignatureDoesNotMatch")]
    public async Task A_wrong_secret_fails_with_the_services_code(string service, string code)
    {
        var signer = new TestSigner(TestKeys.LongTerm with { SecretAccessKey = "wrong" }) { Service = service };
        Assert.That((await SendAsync(Call(service, signer))).Code, Is.EqualTo(code));
    }

    [TestCase("lambda", "UnrecognizedClientException")]
    [TestCase("sts", "InvalidClientTokenId")]
    public async Task A_wrong_session_token_fails_with_the_services_code(string service, string code)
    {
        var signer = new TestSigner(TestKeys.Temporary with { SessionToken = "forged" }) { Service = service };
        Assert.That((await SendAsync(Call(service, signer))).Code, Is.EqualTo(code));
    }

    [Test]
    public async Task Lambda_refuses_a_request_6_minutes_old_with_Signature_expired()
    {
        var signer = new TestSigner(TestKeys.Temporary) { Service = "lambda", Time = DateTimeOffset.UtcNow.AddMinutes(-6) };
        var (status, code, message) = await SendAsync(Invoke(signer));
        Assert.That((status, code), Is.EqualTo((403, "InvalidSignatureException")));
        Assert.That(message, Does.StartWith("Signature expired: "));
    }

    [Test]
    public async Task Lambda_refuses_a_request_6_minutes_ahead_with_Signature_not_yet_current()
    {
        var signer = new TestSigner(TestKeys.Temporary) { Service = "lambda", Time = DateTimeOffset.UtcNow.AddMinutes(6) };
        var (_, code, message) = await SendAsync(Invoke(signer));
        Assert.That(code, Is.EqualTo("InvalidSignatureException"));
        Assert.That(message, Does.StartWith("Signature not yet current: "));
    }

    [TestCase(-4)]
    [TestCase(4)]
    public async Task Lambda_accepts_a_request_4_minutes_off(int minutes)
    {
        var signer = new TestSigner(TestKeys.Temporary) { Service = "lambda", Time = DateTimeOffset.UtcNow.AddMinutes(minutes) };
        Assert.That((await SendAsync(Invoke(signer))).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task A_scope_for_another_region_fails_for_Lambda()
    {
        var (_, code, message) = await SendAsync(Invoke(new TestSigner(TestKeys.Temporary) { Service = "lambda", Region = "us-west-2" }));
        Assert.That((code, message), Is.EqualTo(("InvalidSignatureException", "Credential should be scoped to a valid region. ")));
    }

    [Test]
    public async Task A_scope_for_another_service_fails_for_Lambda()
    {
        var (_, code, message) = await SendAsync(Invoke(new TestSigner(TestKeys.Temporary) { Service = "s3" }));
        Assert.That((code, message), Is.EqualTo(("InvalidSignatureException", "Credential should be scoped to correct service: 'lambda'. ")));
    }

    [Test]
    public async Task A_Lambda_request_without_authentication_fails_with_MissingAuthenticationTokenException()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_host.Endpoint, InvokePath)) { Content = new ByteArrayContent(Payload) };
        Assert.That((await SendAsync(request)).Code, Is.EqualTo("MissingAuthenticationTokenException"));
    }
}
