using System.Net;
using System.Net.Sockets;
using System.Text;
using DirectAccess.Local.S3.Tests.Support;
using DirectAccess.Testing;

namespace DirectAccess.Local.S3.Tests;

/// <summary>Nothing half-written is ever visible, and crash debris is removed at start-up. Each test owns its cloud.</summary>
[NonParallelizable]
public sealed class DurabilityTests
{
    [Test]
    public async Task TruncatedUploadLeavesNothingVisible()
    {
        using var dir = new TempDirectory("directaccess-s3-durability");
        await using var target = await S3TestTarget.StartAsync(dir.Path);
        var key = $"tests/truncated-{Guid.NewGuid():N}";

        // Sign a PUT declaring 1 MiB, send 100 KiB of it, and hang up.
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri(target.Endpoint, target.PathOf(key)));
        SigV4TestSigner.Sign(request, target.Admin, DateTime.UtcNow);
        var head = new StringBuilder($"PUT {request.RequestUri!.PathAndQuery} HTTP/1.1\r\n");
        foreach (var header in request.Headers)
        {
            head.Append($"{header.Key}: {string.Join(",", header.Value)}\r\n");
        }

        head.Append("Content-Length: 1048576\r\n\r\n");
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, target.Endpoint.Port);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
            await stream.WriteAsync(new byte[100 * 1024]);
            await stream.FlushAsync();
            await Task.Delay(200);
        }

        var tmp = Path.Combine(dir.Path, "s3", "tmp");
        for (var i = 0; i < 50 && Directory.EnumerateFiles(tmp).Any(); i++)
        {
            await Task.Delay(100);
        }

        using var http = target.Http(target.Admin);
        var get = await http.GetAsync(target.PathOf(key));
        Assert.Multiple(() =>
        {
            Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(Directory.EnumerateFiles(tmp), Is.Empty, "the partial body's temporary file is gone");
            Assert.That(Directory.EnumerateFiles(Path.Combine(dir.Path, "s3", "blobs"), "*", SearchOption.AllDirectories), Is.Empty);
        });
    }

    [Test]
    public async Task RestartRemovesDebrisAndKeepsCommittedObjects()
    {
        using var dir = new TempDirectory("directaccess-s3-durability");
        var body = new byte[300_000];
        Random.Shared.NextBytes(body);
        const string key = "tests/survivor.bin";
        await using (var first = await S3TestTarget.StartAsync(dir.Path))
        {
            using var http = first.Http(first.Admin);
            var put = await http.PutAsync(first.PathOf(key), new ByteArrayContent(body));
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        // What a kill mid-write leaves: a temporary body and a renamed blob whose commit never happened.
        var tmpFile = Path.Combine(dir.Path, "s3", "tmp", $"{Guid.NewGuid():N}.tmp");
        var orphan = Guid.NewGuid().ToString("N");
        var orphanPath = Path.Combine(dir.Path, "s3", "blobs", orphan[..2], orphan);
        await File.WriteAllBytesAsync(tmpFile, new byte[1000]);
        await File.WriteAllBytesAsync(orphanPath, new byte[1000]);

        await using var second = await S3TestTarget.StartAsync(dir.Path);
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(tmpFile), Is.False);
            Assert.That(File.Exists(orphanPath), Is.False);
        });
        using var client = second.Http(second.Admin);
        Assert.That(await client.GetByteArrayAsync(second.PathOf(key)), Is.EqualTo(body));
    }
}
