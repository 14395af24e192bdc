using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace DirectAccess.Functions.Tests.Support;

/// <summary>
/// A real S3 endpoint for the app's functions: the one named by <c>DIRECTACCESS_TEST_S3_ENDPOINT</c> (e.g. the local
/// cloud), else a <c>moto_server</c> this fixture starts on a free loopback port and stops again. Tests are ignored, with
/// a message, when neither is available.
/// </summary>
public sealed class S3TestEndpoint : IAsyncDisposable
{
    public const string EndpointVariable = "DIRECTACCESS_TEST_S3_ENDPOINT";
    public const string Region = "us-east-1";
    public const string AccessKeyId = "ASIATESTFUNCTIONROLE";
    public const string SecretAccessKey = "test-secret-access-key";
    public const string SessionToken = "test-session-token";

    private readonly Process? _moto;

    private S3TestEndpoint(Uri endpoint, Process? moto)
    {
        Endpoint = endpoint;
        _moto = moto;
    }

    public Uri Endpoint { get; }

    public static async Task<S3TestEndpoint> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(EndpointVariable) is { Length: > 0 } configured)
        {
            return new S3TestEndpoint(new Uri(configured), null);
        }

        var moto = FindOnPath("moto_server");
        if (moto is null)
        {
            Assert.Ignore("moto_server not installed (and DIRECTACCESS_TEST_S3_ENDPOINT not set)");
        }

        var port = FreeLoopbackPort();
        var process = Process.Start(new ProcessStartInfo(moto!, ["-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("moto_server did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var endpoint = new S3TestEndpoint(new Uri($"http://127.0.0.1:{port}"), process);
        try
        {
            await endpoint.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            return endpoint;
        }
        catch
        {
            await endpoint.DisposeAsync();
            throw;
        }
    }

    public AmazonS3Client CreateClient() => new(
        new SessionAWSCredentials(AccessKeyId, SecretAccessKey, SessionToken),
        new AmazonS3Config { ServiceURL = Endpoint.AbsoluteUri, AuthenticationRegion = Region, ForcePathStyle = true });

    /// <summary>The environment a function gets: region, execution-role credentials, endpoint and bucket.</summary>
    public Dictionary<string, string?> FunctionSettings(string bucket) => new()
    {
        ["AWS_REGION"] = Region,
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
        ["AWS_SESSION_TOKEN"] = SessionToken,
        ["AWS_ENDPOINT_URL"] = Endpoint.AbsoluteUri,
        ["UPLOAD_BUCKET"] = bucket,
    };

    public async ValueTask DisposeAsync()
    {
        if (_moto is { HasExited: false })
        {
            _moto.Kill();
            await _moto.WaitForExitAsync();
        }

        _moto?.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan limit)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(2) };
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < limit)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "/moto-api/"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"moto_server did not answer on {Endpoint} within {limit}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
