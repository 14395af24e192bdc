using System.Text;
using DirectAccess.Local.Auth.Tests.Support;

namespace DirectAccess.Local.Auth.Tests;

/// <summary>Authorization-header SigV4 over real HTTP: good requests pass, each kind of tampering fails with S3's code.</summary>
public sealed class HeaderSignatureTests
{
    private AuthTestHost _host = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = await AuthTestHost.StartAsync();
        _http = new HttpClient { BaseAddress = _host.Endpoint };
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    private Uri Url(string pathAndQuery) => new(_host.Endpoint, pathAndQuery);

    private static readonly byte[] Body = Encoding.UTF8.GetBytes("payload under test");

    private async Task<(int Status, string? Code, string? Message)> SendAsync(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request);
        return await HostResponses.ReadAsync(response);
    }

    [Test]
    public async Task A_correctly_signed_put_with_a_hex_payload_hash_verifies_and_streams_the_body()
    {
        var request = new TestSigner(TestKeys.Temporary).Sign(HttpMethod.Put, Url("/bucket/private/key%20with%20space.txt?x-id=PutObject"), Body);
        var (status, code, _) = await SendAsync(request);
        Assert.That((status, code), Is.EqualTo((200, (string?)null)));
        Assert.That(_host.Observations.Last().Length, Is.EqualTo(Body.Length));
    }

    [Test]
    public async Task Virtual_hosted_requests_verify_with_the_host_as_sent()
    {
        var host = $"photos.localhost:{_host.Endpoint.Port}";
        var request = new TestSigner(TestKeys.LongTerm).Sign(HttpMethod.Put, Url("/a/b.txt"), Body, host: host);
        Assert.That((await SendAsync(request)).Status, Is.EqualTo(200));

        var lying = new TestSigner(TestKeys.LongTerm).Sign(HttpMethod.Put, Url("/a/b.txt"), Body, host: host);
        lying.Headers.Host = $"other.localhost:{_host.Endpoint.Port}";
        Assert.That((await SendAsync(lying)).Code, Is.EqualTo("SignatureDoesNotMatch"));
    }

    [Test]
    public async Task A_tampered_body_fails_with_XAmzContentSHA256Mismatch()
    {
        var request = new TestSigner(TestKeys.LongTerm).Sign(HttpMethod.Put, Url("/bucket/k"), Body);
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("payload under tesT"));
        Assert.That(await SendAsync(request), Is.EqualTo((400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.")));
    }

    [Test]
    public async Task A_tampered_signed_header_fails_with_SignatureDoesNotMatch()
    {
        var request = new TestSigner(TestKeys.LongTerm).Sign(HttpMethod.Put, Url("/bucket/k"), Body,
            extraHeaders: new Dictionary<string, string> { ["x-amz-meta-owner"] = "alice" });
        request.Headers.Remove("x-amz-meta-owner");
        request.Headers.TryAddWithoutValidation("x-amz-meta-owner", "mallory");
        Assert.That((await SendAsync(request)).Code, Is.EqualTo("SignatureDoesNotMatch"));
    }

    [Test]
    public async Task A_tampered_query_fails_with_SignatureDoesNotMatch()
    {
        var request = new TestSigner(TestKeys.LongTerm).Sign(HttpMethod.Get, Url("/bucket?list-type=2&prefix=private%2Falice%2F"), []);
        request.RequestUri = Url("/bucket?list-type=2&prefix=private%2Fbob%2F");
        var (status, code, _) = await SendAsync(request);
        Assert.That((status, code), Is.EqualTo((403, "SignatureDoesNotMatch")));
    }

    [Test]
    public async Task A_tampered_path_fails_with_SignatureDoesNotMatch()
    {
        var request = new TestSigner(TestKeys.LongTerm).Sign(HttpMethod.Put, Url("/bucket/private/alice/k"), Body);
        request.RequestUri = Url("/bucket/private/bob/k");
        Assert.That((await SendAsync(request)).Code, Is.EqualTo("SignatureDoesNotMatch"));
    }

    [Test]
    public async Task A_wrong_secret_fails_with_SignatureDoesNotMatch()
    {
        var request = new TestSigner(TestKeys.LongTerm with { SecretAccessKey = "guessed" }).Sign(HttpMethod.Put, Url("/bucket/k"), Body);
        Assert.That(await SendAsync(request), Is.EqualTo((403, "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided. Check your key and signing method.")));
    }

    [Test]
    public async Task An_unknown_access_key_fails_with_InvalidAccessKeyId()
    {
        var request = new TestSigner(TestKeys.LongTerm with { AccessKeyId = "AKIAUNKNOWNKEY000000" }).Sign(HttpMethod.Put, Url("/bucket/k"), Body);
        Assert.That(await SendAsync(request), Is.EqualTo((403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.")));
    }

    [Test]
    public async Task A_wrong_region_in_scope_fails_with_AuthorizationHeaderMalformed()
    {
        var request = new TestSigner(TestKeys.LongTerm) { Region = "eu-west-1" }.Sign(HttpMethod.Put, Url("/bucket/k"), Body);
        Assert.That(await SendAsync(request), Is.EqualTo((400, "AuthorizationHeaderMalformed",
            "The authorization header is malformed; the region 'eu-west-1' is wrong; expecting 'us-east-1'")));
    }

    [Test]
    public async Task A_wrong_service_in_scope_fails_with_AuthorizationHeaderMalformed()
    {
        var request = new TestSigner(TestKeys.LongTerm) { Service = "lambda" }.Sign(HttpMethod.Put, Url("/bucket/k"), Body);
        var (status, code, message) = await SendAsync(request);
        Assert.That((status, code), Is.EqualTo((400, "AuthorizationHeaderMalformed")));
        Assert.That(message, Does.Contain("incorrect service \"lambda\""));
    }

    [Test]
    public async Task A_scope_date_other_than_the_request_date_fails_with_AuthorizationHeaderMalformed()
    {
        var request = new TestSigner(TestKeys.LongTerm).Sign(HttpMethod.Put, Url("/bucket/k"), Body);
        var header = request.Headers.GetValues("Authorization").Single();
        var today = DateTimeOffset.UtcNow.ToString("yyyyMMdd");
        var yesterday = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyyMMdd");
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", header.Replace($"/{today}/", $"/{yesterday}/"));
        var (status, code, message) = await SendAsync(request);
        Assert.That((status, code), Is.EqualTo((400, "AuthorizationHeaderMalformed")));
        Assert.That(message, Does.Contain("Invalid credential date"));
    }

    [TestCase(-16)]
    [TestCase(16)]
    public async Task A_request_time_skewed_over_15_minutes_fails_with_RequestTimeTooSkewed(int minutes)
    {
        var request = new TestSigner(TestKeys.LongTerm) { Time = DateTimeOffset.UtcNow.AddMinutes(minutes) }.Sign(HttpMethod.Put, Url("/bucket/k"), Body);
        Assert.That((await SendAsync(request)).Code, Is.EqualTo("RequestTimeTooSkewed"));
    }

    [TestCase(-14)]
    [TestCase(14)]
    public async Task A_request_time_skewed_under_15_minutes_is_accepted_by_S3(int minutes)
    {
        var request = new TestSigner(TestKeys.LongTerm) { Time = DateTimeOffset.UtcNow.AddMinutes(minutes) }.Sign(HttpMethod.Put, Url("/bucket/k"), Body);
        Assert.That((await SendAsync(request)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Expired_credentials_fail_with_ExpiredToken()
    {
        var request = new TestSigner(TestKeys.Expired).Sign(HttpMethod.Put, Url("/bucket/k"), Body);
        Assert.That(await SendAsync(request), Is.EqualTo((400, "ExpiredToken", "The provided token has expired.")));
    }

    [Test]
    public async Task Temporary_credentials_without_their_session_token_fail_with_InvalidAccessKeyId()
    {
        var request = new TestSigner(TestKeys.Temporary) { SendSessionToken = false }.Sign(HttpMethod.Put, Url("/bucket/k"), Body);
        Assert.That((await SendAsync(request)).Code, Is.EqualTo("InvalidAccessKeyId"));
    }

    [Test]
    public async Task A_wrong_session_token_fails_with_InvalidToken()
    {
        var request = new TestSigner(TestKeys.Temporary with { SessionToken = "someone-elses-token" }).Sign(HttpMethod.Put, Url("/bucket/k"), Body);
        Assert.That(await SendAsync(request), Is.EqualTo((400, "InvalidToken", "The provided token is malformed or otherwise invalid.")));
    }

    [Test]
    public async Task A_session_token_with_long_term_credentials_fails_with_InvalidToken()
    {
        var request = new TestSigner(TestKeys.LongTerm with { SessionToken = "invented" }).Sign(HttpMethod.Put, Url("/bucket/k"), Body);
        Assert.That((await SendAsync(request)).Code, Is.EqualTo("InvalidToken"));
    }

    [Test]
    public async Task S3_header_auth_without_x_amz_content_sha256_fails_with_InvalidRequest()
    {
        var request = new TestSigner(TestKeys.LongTerm).Sign(HttpMethod.Put, Url("/bucket/k"), Body, sendContentSha256: false);
        Assert.That((await SendAsync(request)).Code, Is.EqualTo("InvalidRequest"));
    }

    [Test]
    public async Task Unsigned_payload_passes_any_body_through()
    {
        var request = new TestSigner(TestKeys.LongTerm).Sign(HttpMethod.Put, Url("/bucket/k"), Body, payloadHash: "UNSIGNED-PAYLOAD");
        Assert.That((await SendAsync(request)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task No_authentication_at_all_fails_with_AccessDenied()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("/bucket/k"));
        Assert.That(await SendAsync(request), Is.EqualTo((403, "AccessDenied", "Access Denied")));
    }

    [Test]
    public async Task A_host_header_left_out_of_SignedHeaders_is_refused()
    {
        var request = new TestSigner(TestKeys.LongTerm).Sign(HttpMethod.Put, Url("/bucket/k"), Body);
        var header = request.Headers.GetValues("Authorization").Single();
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation("Authorization", header.Replace("SignedHeaders=host;", "SignedHeaders="));
        Assert.That((await SendAsync(request)).Code, Is.EqualTo("AuthorizationHeaderMalformed"));
    }

    [Test]
    public async Task SigV2_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("/bucket/k"));
        request.Headers.TryAddWithoutValidation("Authorization", "AWS AKIATESTLONGTERM0001:c2lnbmF0dXJl");
        Assert.That(await SendAsync(request), Is.EqualTo((400, "InvalidRequest",
            "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.")));
    }

    [Test]
    public async Task A_SigV2_presigned_URL_is_refused_saying_to_use_SigV4()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("/bucket/k?AWSAccessKeyId=AKIATESTLONGTERM0001&Signature=c2ln&Expires=1795307450"));
        Assert.That((await SendAsync(request)).Code, Is.EqualTo("InvalidRequest"));
    }
}
