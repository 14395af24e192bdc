using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace DirectAccess.Client.Tests.Support;

/// <summary>
/// A minimal identity pool on 127.0.0.1 for credential-refresh tests: <c>GetId</c> and
/// <c>GetCredentialsForIdentity</c> (credentials that live <see cref="Lifetime"/>); <see cref="Refuse"/> makes
/// <c>GetCredentialsForIdentity</c> answer <c>ResourceNotFoundException</c> for a given identity id.
/// </summary>
public sealed class FakeIdentityPool : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private int _getIdCalls;
    private int _credentialCalls;
    private int _refreshTokenCalls;

    public FakeIdentityPool()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public Uri Endpoint { get; }

    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

    public string IdentityId { get; set; } = "us-east-1:11111111-2222-3333-4444-555555555555";

    public string? Refuse { get; set; }

    public TimeSpan ServerClockOffset { get; set; }

    public int GetIdCalls => Volatile.Read(ref _getIdCalls);

    public int RefreshTokenCalls => Volatile.Read(ref _refreshTokenCalls);

    /// <summary>ID tokens seen in <c>Logins</c> of GetCredentialsForIdentity, in order.</summary>
    public List<string> IdTokensSeen { get; } = [];

    public int CredentialCalls => Volatile.Read(ref _credentialCalls);

    public List<string?> CustomRoleArns { get; } = [];

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => Handle(context));
        }
    }

    private void Handle(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream);
        var body = JsonDocument.Parse(reader.ReadToEnd()).RootElement;
        var target = context.Request.Headers["X-Amz-Target"] ?? "";
        var response = context.Response;
        response.Headers["Date"] = (DateTime.UtcNow + ServerClockOffset).ToString("R");
        string json;
        if (target.EndsWith(".GetId", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _getIdCalls);
            json = JsonSerializer.Serialize(new { IdentityId });
        }
        else if (target.EndsWith(".GetCredentialsForIdentity", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _credentialCalls);
            var id = body.GetProperty("IdentityId").GetString();
            lock (IdTokensSeen)
            {
                IdTokensSeen.Add(body.GetProperty("Logins").EnumerateObject().First().Value.GetString()!);
            }

            lock (CustomRoleArns)
            {
                CustomRoleArns.Add(body.TryGetProperty("CustomRoleArn", out var role) ? role.GetString() : null);
            }

            if (id == Refuse || id != IdentityId)
            {
                response.StatusCode = 400;
                response.Headers["x-amzn-RequestId"] = "req-refused";
                json = JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = "ResourceNotFoundException", ["message"] = $"Identity '{id}' not found." });
            }
            else
            {
                var n = CredentialCalls;
                var expiration = (DateTimeOffset.UtcNow + ServerClockOffset + Lifetime).ToUnixTimeMilliseconds() / 1000.0;
                json = JsonSerializer.Serialize(new
                {
                    IdentityId = id,
                    Credentials = new { AccessKeyId = $"ASIAFAKE{n:D8}", SecretKey = "secret" + n, SessionToken = "token" + n, Expiration = expiration },
                });
            }
        }
        else if (target.EndsWith(".InitiateAuth", StringComparison.Ordinal) && body.GetProperty("AuthFlow").GetString() == "REFRESH_TOKEN_AUTH")
        {
            // User pool side: renew the ID token (valid 1 h) as REFRESH_TOKEN_AUTH does.
            Interlocked.Increment(ref _refreshTokenCalls);
            var renewed = FakeTokens.For("sub-1", "alice", DateTime.UtcNow.AddHours(1), refreshToken: null);
            json = JsonSerializer.Serialize(new { AuthenticationResult = new { renewed.IdToken, renewed.AccessToken, ExpiresIn = 3600, TokenType = "Bearer" } });
        }
        else
        {
            response.StatusCode = 400;
            json = "{\"__type\":\"UnknownOperationException\"}";
        }

        var bytes = Encoding.UTF8.GetBytes(json);
        response.ContentType = "application/x-amz-json-1.1";
        response.OutputStream.Write(bytes);
        response.Close();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
    }
}
