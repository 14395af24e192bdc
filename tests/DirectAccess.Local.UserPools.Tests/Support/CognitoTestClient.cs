using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace DirectAccess.Local.UserPools.Tests.Support;

/// <summary>One JSON 1.1 response: status, body, and the <c>x-amzn-ErrorType</c> header.</summary>
public sealed record CognitoResponse(int Status, JsonElement Body, string? ErrorTypeHeader)
{
    public bool Ok => Status == 200;

    public string? ErrorType => Body.TryGetProperty("__type", out var t) ? t.GetString() : null;

    public string? Message => Body.TryGetProperty("message", out var m) ? m.GetString() : null;

    public JsonElement Result => Body.GetProperty("AuthenticationResult");

    public string Challenge(string name) => Body.GetProperty("ChallengeParameters").GetProperty(name).GetString()!;

    public override string ToString() => $"{Status} {Body}";
}

/// <summary>A raw Cognito user pools client over HTTP, plus the SRP sign-in built from <see cref="TestSrpClient"/>.</summary>
public sealed class CognitoTestClient(Uri endpoint) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = endpoint, Timeout = TimeSpan.FromSeconds(30) };

    public const string UserPoolsPrefix = "AWSCognitoIdentityProviderService.";

    public Task<CognitoResponse> CallAsync(string operation, object body) => SendAsync(UserPoolsPrefix + operation, body, null);

    public Task<CognitoResponse> SignedCallAsync(string operation, object body, string accessKey, string secretKey, string? sessionToken = null) =>
        SendAsync(UserPoolsPrefix + operation, body, (accessKey, secretKey, sessionToken));

    /// <summary>An unsigned JSON 1.1 call to any target (e.g. <c>AWSCognitoIdentityService.GetId</c>).</summary>
    public Task<CognitoResponse> CallTargetAsync(string target, object body) => SendAsync(target, body, null);

    /// <summary><c>InitiateAuth</c> with <c>USER_SRP_AUTH</c> for <paramref name="username"/> and the given <c>SRP_A</c> (hex).</summary>
    public Task<CognitoResponse> StartSrpAsync(string clientId, string username, string srpA) => CallAsync("InitiateAuth", new
    {
        AuthFlow = "USER_SRP_AUTH",
        ClientId = clientId,
        AuthParameters = new Dictionary<string, string> { ["USERNAME"] = username, ["SRP_A"] = srpA },
    });

    /// <summary>USER_SRP_AUTH then PASSWORD_VERIFIER; returns the second response (or the first when it failed).</summary>
    public async Task<CognitoResponse> SrpSignInAsync(string clientId, string poolId, string username, string password, bool padDay = false,
        DateTime? at = null)
    {
        var srp = new TestSrpClient();
        var challenge = await StartSrpAsync(clientId, username, srp.SrpA);
        if (!challenge.Ok)
        {
            return challenge;
        }

        Assert.That(challenge.Body.GetProperty("ChallengeName").GetString(), Is.EqualTo("PASSWORD_VERIFIER"));
        return await CallAsync("RespondToAuthChallenge", PasswordVerifierResponse(srp, clientId, poolId, password, challenge, padDay, at));
    }

    public static object PasswordVerifierResponse(TestSrpClient srp, string clientId, string poolId, string password,
        CognitoResponse challenge, bool padDay = false, DateTime? at = null)
    {
        var userId = challenge.Challenge("USER_ID_FOR_SRP");
        var timestamp = TestSrpClient.Timestamp(at ?? DateTime.UtcNow, padDay);
        var signature = srp.Signature(poolId.Split('_')[1], userId, password, challenge.Challenge("SALT"), challenge.Challenge("SRP_B"),
            challenge.Challenge("SECRET_BLOCK"), timestamp);
        return new
        {
            ClientId = clientId,
            ChallengeName = "PASSWORD_VERIFIER",
            ChallengeResponses = new Dictionary<string, string>
            {
                ["USERNAME"] = challenge.Challenge("USERNAME"),
                ["PASSWORD_CLAIM_SECRET_BLOCK"] = challenge.Challenge("SECRET_BLOCK"),
                ["TIMESTAMP"] = timestamp,
                ["PASSWORD_CLAIM_SIGNATURE"] = signature,
            },
        };
    }

    public Task<CognitoResponse> PasswordSignInAsync(string clientId, string username, string password) =>
        CallAsync("InitiateAuth", new
        {
            AuthFlow = "USER_PASSWORD_AUTH",
            ClientId = clientId,
            AuthParameters = new Dictionary<string, string> { ["USERNAME"] = username, ["PASSWORD"] = password },
        });

    public Task<CognitoResponse> RefreshAsync(string clientId, string refreshToken) =>
        CallAsync("InitiateAuth", new
        {
            AuthFlow = "REFRESH_TOKEN_AUTH",
            ClientId = clientId,
            AuthParameters = new Dictionary<string, string> { ["REFRESH_TOKEN"] = refreshToken },
        });

    public async Task<(int Status, string Body)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<CognitoResponse> SendAsync(string target, object body, (string Key, string Secret, string? Token)? credentials)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_http.BaseAddress!, "/"));
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        request.Content = new ByteArrayContent(bytes);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-amz-json-1.1");
        if (credentials is { } c)
        {
            TestSigV4.Sign(request, bytes, c.Key, c.Secret, c.Token);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.Headers.Contains("x-amzn-RequestId"), Is.True, "every response carries x-amzn-RequestId");
        var errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.Single() : null;
        using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        return new CognitoResponse((int)response.StatusCode, document.RootElement.Clone(), errorType);
    }

    public void Dispose() => _http.Dispose();
}
