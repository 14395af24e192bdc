using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DirectAccess.Testing;

namespace DirectAccess.Client.Tests.Support;

/// <summary>A <c>moto_server</c> (independent AWS emulator) on a free loopback port; ignored with a message when not installed.</summary>
public sealed class MotoServer : IDisposable
{
    private readonly Process _process;

    private MotoServer(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<MotoServer> StartAsync()
    {
        var exe = OutsideTools.Require("moto_server");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var start = new ProcessStartInfo(exe, ["-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var endpoint = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 150; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(endpoint, "moto-api/"));
                return new MotoServer(process, endpoint);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        process.Kill(true);
        throw new InvalidOperationException("moto_server did not start within 15 s.");
    }

    public void Dispose()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }
}
