using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DirectAccess.Local.Identity.Tests.Support;

/// <summary>Raw JSON 1.1 calls to the identity pool endpoint, as an SDK sends them (unsigned).</summary>
public sealed class IdentityPoolClient(Uri endpoint)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task<JsonReply> CallAsync(string operation, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        request.Headers.Add("X-Amz-Target", "AWSCognitoIdentityService." + operation);
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        response.Headers.TryGetValues("x-amzn-ErrorType", out var errorType);
        response.Headers.TryGetValues("x-amzn-RequestId", out var requestId);
        return new JsonReply((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), errorType?.Single(), requestId?.Single(),
            response.Content.Headers.ContentType?.MediaType);
    }

    public Task<JsonReply> GetIdAsync(string poolId, IReadOnlyDictionary<string, string>? logins) =>
        CallAsync("GetId", new JsonObject { ["IdentityPoolId"] = poolId, ["Logins"] = Logins(logins) });

    public Task<JsonReply> GetCredentialsAsync(string identityId, IReadOnlyDictionary<string, string>? logins, string? customRoleArn = null)
    {
        var body = new JsonObject { ["IdentityId"] = identityId, ["Logins"] = Logins(logins) };
        if (customRoleArn is not null)
        {
            body["CustomRoleArn"] = customRoleArn;
        }

        return CallAsync("GetCredentialsForIdentity", body);
    }

    public Task<JsonReply> GetOpenIdTokenAsync(string identityId, IReadOnlyDictionary<string, string>? logins) =>
        CallAsync("GetOpenIdToken", new JsonObject { ["IdentityId"] = identityId, ["Logins"] = Logins(logins) });

    private static JsonObject? Logins(IReadOnlyDictionary<string, string>? logins) =>
        logins is null ? null : new JsonObject(logins.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value)));
}

/// <summary>A JSON 1.1 reply: status, body, and for errors <c>x-amzn-ErrorType</c>.</summary>
public sealed record JsonReply(int Status, JsonElement Body, string? ErrorType, string? RequestId, string? ContentType)
{
    public string Type => Body.TryGetProperty("__type", out var type) ? type.GetString()! : "";

    public string Message => Body.TryGetProperty("message", out var message) ? message.GetString()! : "";

    public string this[string name] => Body.GetProperty(name).GetString()!;

    /// <summary>Asserts a success and returns the body.</summary>
    public JsonElement Ok()
    {
        Assert.That(Status, Is.EqualTo(200), () => Body.ToString());
        return Body;
    }

    /// <summary>Asserts an AWS JSON error with this type and message (prefix when <paramref name="prefix"/>).</summary>
    public void IsError(string type, string message, bool prefix = false)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Status, Is.EqualTo(400), () => Body.ToString());
            Assert.That(Type, Is.EqualTo(type), () => Body.ToString());
            Assert.That(ErrorType, Is.EqualTo(type));
            Assert.That(Message, prefix ? Does.StartWith(message) : Is.EqualTo(message));
        });
    }
}
