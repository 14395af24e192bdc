using DirectAccess.Local.Auth.Tests.Support;

namespace DirectAccess.Local.Auth.Tests;

/// <summary>Query-string (presigned) authentication: lifetime, tampering, scope, and session tokens.</summary>
public sealed class PresignedUrlTests
{
    private AuthTestHost _host = null!;
    private HttpClient _http = null!;

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

    private Uri Object => new(_host.Endpoint, "/bucket/private/alice/report%20final.pdf");

    private async Task<(int Status, string? Code, string? Message)> GetAsync(Uri url)
    {
        using var response = await _http.GetAsync(url);
        return await HostResponses.ReadAsync(response);
    }

    [Test]
    public async Task A_presigned_GET_within_its_lifetime_verifies()
    {
        var url = new TestSigner(TestKeys.Temporary).Presign(HttpMethod.Get, Object, 300);
        Assert.That((await GetAsync(url)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task A_presigned_URL_signed_days_ago_with_a_week_of_lifetime_still_verifies()
    {
        var url = new TestSigner(TestKeys.LongTerm) { Time = DateTimeOffset.UtcNow.AddDays(-6) }.Presign(HttpMethod.Get, Object, 604800);
        Assert.That((await GetAsync(url)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task A_presigned_URL_past_its_expiry_fails_with_AccessDenied()
    {
        var url = new TestSigner(TestKeys.LongTerm) { Time = DateTimeOffset.UtcNow.AddMinutes(-10) }.Presign(HttpMethod.Get, Object, 60);
        Assert.That(await GetAsync(url), Is.EqualTo((403, "AccessDenied", "Request has expired")));
    }

    [Test]
    public async Task X_Amz_Expires_over_a_week_fails_with_AuthorizationQueryParametersError()
    {
        var url = new TestSigner(TestKeys.LongTerm).Presign(HttpMethod.Get, Object, 604801);
        Assert.That(await GetAsync(url), Is.EqualTo((400, "AuthorizationQueryParametersError", "X-Amz-Expires must be less than a week (in seconds) that is 604800")));
    }

    [Test]
    public async Task A_presigned_URL_dated_in_the_future_fails_with_AccessDenied()
    {
        var url = new TestSigner(TestKeys.LongTerm) { Time = DateTimeOffset.UtcNow.AddMinutes(30) }.Presign(HttpMethod.Get, Object, 3600);
        Assert.That((await GetAsync(url)).Code, Is.EqualTo("AccessDenied"));
    }

    [Test]
    public async Task A_lengthened_expiry_fails_with_SignatureDoesNotMatch()
    {
        var url = new TestSigner(TestKeys.LongTerm).Presign(HttpMethod.Get, Object, 60);
        Assert.That((await GetAsync(new Uri(url.ToString().Replace("X-Amz-Expires=60", "X-Amz-Expires=6000")))).Code, Is.EqualTo("SignatureDoesNotMatch"));
    }

    [Test]
    public async Task A_presigned_GET_used_as_a_PUT_fails_with_SignatureDoesNotMatch()
    {
        var url = new TestSigner(TestKeys.LongTerm).Presign(HttpMethod.Get, Object, 60);
        using var response = await _http.PutAsync(url, new ByteArrayContent([1, 2, 3]));
        Assert.That((await HostResponses.ReadAsync(response)).Code, Is.EqualTo("SignatureDoesNotMatch"));
    }

    [Test]
    public async Task A_presigned_URL_for_another_region_fails_with_AuthorizationQueryParametersError()
    {
        var url = new TestSigner(TestKeys.LongTerm) { Region = "eu-central-1" }.Presign(HttpMethod.Get, Object, 60);
        Assert.That(await GetAsync(url), Is.EqualTo((400, "AuthorizationQueryParametersError",
            "Error parsing the X-Amz-Credential parameter; the region 'eu-central-1' is wrong; expecting 'us-east-1'")));
    }

    [Test]
    public async Task A_presigned_URL_of_temporary_credentials_without_the_token_fails_with_InvalidAccessKeyId()
    {
        var url = new TestSigner(TestKeys.Temporary) { SendSessionToken = false }.Presign(HttpMethod.Get, Object, 60);
        Assert.That((await GetAsync(url)).Code, Is.EqualTo("InvalidAccessKeyId"));
    }

    [Test]
    public async Task A_presigned_URL_with_a_swapped_session_token_fails_with_InvalidToken()
    {
        var url = new TestSigner(TestKeys.Temporary).Presign(HttpMethod.Get, Object, 60);
        var forged = url.ToString().Replace(Uri.EscapeDataString(TestKeys.Temporary.SessionToken!), "forged");
        Assert.That((await GetAsync(new Uri(forged))).Code, Is.EqualTo("InvalidToken"));
    }

    [Test]
    public async Task Presigned_URLs_of_expired_credentials_fail_with_ExpiredToken()
    {
        var url = new TestSigner(TestKeys.Expired).Presign(HttpMethod.Get, Object, 3600);
        Assert.That((await GetAsync(url)).Code, Is.EqualTo("ExpiredToken"));
    }

    [Test]
    public async Task A_presigned_URL_missing_its_signature_fails_with_AuthorizationQueryParametersError()
    {
        var url = new TestSigner(TestKeys.LongTerm).Presign(HttpMethod.Get, Object, 60).ToString();
        var withoutSignature = url[..url.IndexOf("&X-Amz-Signature=", StringComparison.Ordinal)];
        Assert.That((await GetAsync(new Uri(withoutSignature))).Code, Is.EqualTo("AuthorizationQueryParametersError"));
    }

    [Test]
    public async Task A_presigned_PUT_verifies_its_body_against_a_hash_header_sent_along()
    {
        var url = new TestSigner(TestKeys.LongTerm).Presign(HttpMethod.Put, Object, 60);
        byte[] body = [1, 2, 3, 4];
        using var good = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(body) };
        good.Headers.TryAddWithoutValidation("x-amz-content-sha256", TestSigner.Hex(System.Security.Cryptography.SHA256.HashData(body)));
        using (var response = await _http.SendAsync(good))
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
        }

        using var bad = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent([1, 2, 3, 5]) };
        bad.Headers.TryAddWithoutValidation("x-amz-content-sha256", TestSigner.Hex(System.Security.Cryptography.SHA256.HashData(body)));
        using var refused = await _http.SendAsync(bad);
        Assert.That((await HostResponses.ReadAsync(refused)).Code, Is.EqualTo("XAmzContentSHA256Mismatch"));
    }

    [Test]
    public async Task A_request_with_both_a_presigned_query_and_an_Authorization_header_is_refused()
    {
        var url = new TestSigner(TestKeys.LongTerm).Presign(HttpMethod.Get, Object, 60);
        var request = new TestSigner(TestKeys.LongTerm).Sign(HttpMethod.Get, url, []);
        using var response = await _http.SendAsync(request);
        Assert.That((await HostResponses.ReadAsync(response)).Code, Is.EqualTo("InvalidArgument"));
    }
}
