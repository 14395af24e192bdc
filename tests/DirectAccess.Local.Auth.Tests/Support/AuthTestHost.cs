using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using DirectAccess.Local.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DirectAccess.Local.Auth.Tests.Support;

/// <summary>
/// A small real HTTP server on 127.0.0.1 (free port) that runs the authenticator under test:
/// <list type="bullet">
/// <item><c>/_svc/&lt;service&gt;/…</c>: buffers the body and calls <c>Authenticate</c> for that service; answers JSON
/// <c>{"code","message"}</c> with the failure status, or 200 <c>{"caller"}</c>.</item>
/// <item>anything else: S3. Calls <c>AuthenticateStreaming</c>, reads the verifying payload to the end, records an
/// <see cref="Observation"/>, and answers like S3 (200 with an ETag; failures as S3 XML errors).</item>
/// </list>
/// </summary>
public sealed class AuthTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AuthTestHost(WebApplication app, IRequestAuthenticator authenticator)
    {
        _app = app;
        Authenticator = authenticator;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Endpoint = new Uri(address);
    }

    public Uri Endpoint { get; }

    public IRequestAuthenticator Authenticator { get; }

    /// <summary>What each successful S3 request decoded, newest last.</summary>
    public ConcurrentQueue<Observation> Observations { get; } = new();

    /// <summary>Error codes of payloads that failed while being read, newest last.</summary>
    public ConcurrentQueue<string> PayloadFailures { get; } = new();

    public static async Task<AuthTestHost> StartAsync(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var authenticator = new SigV4RequestAuthenticator(TestKeys.Store(), TestKeys.Region, clock);
        AuthTestHost? host = null;
        app.Run(context => host!.HandleAsync(context));
        await app.StartAsync();
        host = new AuthTestHost(app, authenticator);
        return host;
    }

    /// <summary>Results of buffered (non-S3) authentications: service and error code (null = success), newest last.</summary>
    public ConcurrentQueue<(string Service, string? Code)> BufferedResults { get; } = new();

    private Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/_svc", out var rest))
        {
            return HandleBufferedAsync(context, rest.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries)[0]);
        }

        // Outside tools (aws CLI) cannot add the /_svc prefix: Lambda is recognised by its path, other services by the
        // Query/JSON services they call by the scope they sign for (only those: S3 tests sign foreign scopes on purpose).
        if (context.Request.Path.StartsWithSegments("/2015-03-31"))
        {
            return HandleBufferedAsync(context, "lambda");
        }

        var scoped = ScopeService(context.Request.Headers.Authorization.ToString());
        return scoped is "sts" or "cognito-idp" or "cognito-identity" ? HandleBufferedAsync(context, scoped) : HandleS3Async(context);
    }

    private static string? ScopeService(string authorization)
    {
        var start = authorization.IndexOf("Credential=", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var parts = authorization[(start + 11)..].Split(',')[0].Split('/');
        return parts.Length == 5 ? parts[3] : null;
    }

    private async Task HandleBufferedAsync(HttpContext context, string service)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var result = Authenticator.Authenticate(context.Request, buffer.ToArray(), service);
        BufferedResults.Enqueue((service, result.ErrorCode));
        context.Response.StatusCode = result.StatusCode;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["code"] = result.ErrorCode,
            ["message"] = result.ErrorMessage,
            ["caller"] = result.Caller?.CallerArn,
        }));
    }

    private async Task HandleS3Async(HttpContext context)
    {
        var (result, payload) = Authenticator.AuthenticateStreaming(context.Request, "s3");
        if (!result.Succeeded)
        {
            await WriteS3ErrorAsync(context, result.StatusCode, result.ErrorCode!, result.ErrorMessage!);
            return;
        }

        await using (payload)
        {
            try
            {
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
                var buffer = new byte[8192];
                long length = 0;
                int read;
                while ((read = await payload!.ReadAsync(buffer)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    md5.AppendData(buffer, 0, read);
                    length += read;
                }

                Observations.Enqueue(new Observation(result.Caller!.CallerArn, context.Request.Headers["x-amz-content-sha256"].ToString(), length,
                    Convert.ToHexStringLower(sha.GetHashAndReset()), new Dictionary<string, string>(payload.Trailers), payload.DecodedLength));
                context.Response.Headers.ETag = $"\"{Convert.ToHexStringLower(md5.GetHashAndReset())}\"";
                if (context.Request.Query.ContainsKey("list-type"))
                {
                    context.Response.ContentType = "application/xml";
                    await context.Response.WriteAsync("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>bucket</Name><KeyCount>0</KeyCount><MaxKeys>5</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>");
                }
                else if (HttpMethods.IsGet(context.Request.Method))
                {
                    await context.Response.WriteAsync("hello from the test host");
                }
            }
            catch (PayloadVerificationException error)
            {
                PayloadFailures.Enqueue(error.ErrorCode);
                await WriteS3ErrorAsync(context, error.ErrorCode == "SignatureDoesNotMatch" ? 403 : 400, error.ErrorCode, error.Message);
            }
        }
    }

    private static async Task WriteS3ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{System.Security.SecurityElement.Escape(message)}</Message><RequestId>test</RequestId><HostId>test</HostId></Error>");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One verified S3 payload: who sent it, how long it decoded to, its SHA-256 and trailers.</summary>
public sealed record Observation(string CallerArn, string PayloadMode, long Length, string Sha256, IReadOnlyDictionary<string, string> Trailers, long? DecodedLength);
