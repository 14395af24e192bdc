using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using DirectAccess.Local.Auth.Tests.Support;

namespace DirectAccess.Local.Auth.Tests;

/// <summary>aws-chunked payloads built by hand: chained chunk signatures, unsigned trailers, truncation, length checks.</summary>
public sealed class StreamingPayloadTests
{
    private const string SignedMode = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    private const string UnsignedTrailerMode = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

    private AuthTestHost _host = null!;
    private HttpClient _http = null!;
    private readonly byte[] _data = RandomNumberGenerator.GetBytes(200_000);

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

    private Uri Url(string path) => new(_host.Endpoint, path);

    private HttpRequestMessage SignedChunked(TestSigner signer, byte[] data, Func<byte[], byte[]>? tamper = null, long? decodedLength = null)
    {
        var request = signer.Sign(HttpMethod.Put, Url("/bucket/chunked"), [], payloadHash: SignedMode,
            extraHeaders: new Dictionary<string, string>
            {
                ["x-amz-decoded-content-length"] = (decodedLength ?? data.Length).ToString(),
                ["content-encoding"] = "aws-chunked",
            });
        var body = AwsChunkedBody.Signed(signer, TestSigner.SeedSignature(request), data, 65536);
        request.Content = new ByteArrayContent(tamper?.Invoke(body) ?? body);
        request.Content.Headers.TryAddWithoutValidation("content-encoding", "aws-chunked");
        return request;
    }

    private async Task<(int Status, string? Code, string? Message)> SendAsync(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request);
        return await HostResponses.ReadAsync(response);
    }

    [Test]
    public async Task Signed_chunks_chained_from_the_seed_signature_decode_to_the_original_bytes()
    {
        var (status, code, _) = await SendAsync(SignedChunked(new TestSigner(TestKeys.Temporary), _data));
        Assert.That((status, code), Is.EqualTo((200, (string?)null)));
        var seen = _host.Observations.Last();
        Assert.That((seen.Length, seen.Sha256, seen.PayloadMode), Is.EqualTo(((long)_data.Length, TestSigner.Hex(SHA256.HashData(_data)), SignedMode)));
    }

    [Test]
    public async Task A_tampered_chunk_fails_with_SignatureDoesNotMatch()
    {
        var request = SignedChunked(new TestSigner(TestKeys.Temporary), _data, body =>
        {
            body[body.Length / 2] ^= 0x01;
            return body;
        });
        Assert.That((await SendAsync(request)).Code, Is.EqualTo("SignatureDoesNotMatch"));
    }

    [Test]
    public async Task Chunks_reordered_fail_with_SignatureDoesNotMatch()
    {
        var data = new byte[131072];
        data.AsSpan(0, 65536).Fill(1);
        data.AsSpan(65536).Fill(2);
        var swapped = data[65536..].Concat(data[..65536]).ToArray();
        var signer = new TestSigner(TestKeys.LongTerm);
        // The two data chunks swap places; their signatures stay where they were.
        var request = SignedChunked(signer, data, body => SpliceData(body, swapped));
        Assert.That((await SendAsync(request)).Code, Is.EqualTo("SignatureDoesNotMatch"));
    }

    private static byte[] SpliceData(byte[] body, byte[] newData)
    {
        // Chunk headers are identical in length; replace the payload bytes between each header and its CRLF.
        var result = (byte[])body.Clone();
        var bodyOffset = 0;
        for (var dataOffset = 0; dataOffset < newData.Length; dataOffset += 65536)
        {
            var headerEnd = Array.IndexOf(result, (byte)'\n', bodyOffset) + 1;
            newData.AsSpan(dataOffset, 65536).CopyTo(result.AsSpan(headerEnd));
            bodyOffset = headerEnd + 65536 + 2;
        }

        return result;
    }

    [Test]
    public async Task A_decoded_length_that_does_not_match_fails()
    {
        var request = SignedChunked(new TestSigner(TestKeys.LongTerm), _data, decodedLength: _data.Length + 1);
        Assert.That((await SendAsync(request)).Code, Is.EqualTo("IncompleteBody"));
    }

    [Test]
    public async Task Bytes_after_the_final_chunk_are_refused()
    {
        var request = SignedChunked(new TestSigner(TestKeys.LongTerm), _data, body => [.. body, .. "5\r\nextra\r\n"u8]);
        Assert.That((await SendAsync(request)).Code, Is.EqualTo("InvalidRequest"));
    }

    [Test]
    public async Task A_chunked_body_cut_before_the_final_chunk_fails_with_IncompleteBody()
    {
        var request = SignedChunked(new TestSigner(TestKeys.LongTerm), _data, body => body[..(body.Length / 2)]);
        Assert.That((await SendAsync(request)).Code, Is.EqualTo("IncompleteBody"));
    }

    [Test]
    public async Task An_unsigned_trailer_payload_decodes_and_passes_the_checksum_trailer_through()
    {
        var signer = new TestSigner(TestKeys.Temporary);
        var request = signer.Sign(HttpMethod.Put, Url("/bucket/trailer"), [], payloadHash: UnsignedTrailerMode,
            extraHeaders: new Dictionary<string, string>
            {
                ["x-amz-decoded-content-length"] = _data.Length.ToString(),
                ["x-amz-trailer"] = "x-amz-checksum-crc32",
            });
        request.Content = new ByteArrayContent(AwsChunkedBody.UnsignedWithTrailers(_data, 8192, [("x-amz-checksum-crc32", "AAAAAA==")]));
        Assert.That((await SendAsync(request)).Status, Is.EqualTo(200));
        var seen = _host.Observations.Last();
        Assert.That(seen.Sha256, Is.EqualTo(TestSigner.Hex(SHA256.HashData(_data))));
        Assert.That(seen.Trailers, Is.EquivalentTo(new Dictionary<string, string> { ["x-amz-checksum-crc32"] = "AAAAAA==" }));
    }

    [Test]
    public async Task A_trailer_not_declared_in_x_amz_trailer_is_refused()
    {
        var request = new TestSigner(TestKeys.LongTerm).Sign(HttpMethod.Put, Url("/bucket/trailer"), [], payloadHash: UnsignedTrailerMode,
            extraHeaders: new Dictionary<string, string> { ["x-amz-trailer"] = "x-amz-checksum-crc32" });
        request.Content = new ByteArrayContent(AwsChunkedBody.UnsignedWithTrailers(_data, 8192, [("x-amz-checksum-sha256", "AAAA")]));
        Assert.That((await SendAsync(request)).Code, Is.EqualTo("MalformedTrailerError"));
    }

    [Test]
    public async Task An_unsigned_trailer_payload_without_its_final_chunk_fails_with_IncompleteBody()
    {
        var request = new TestSigner(TestKeys.LongTerm).Sign(HttpMethod.Put, Url("/bucket/trailer"), [], payloadHash: UnsignedTrailerMode,
            extraHeaders: new Dictionary<string, string> { ["x-amz-trailer"] = "x-amz-checksum-crc32" });
        request.Content = new ByteArrayContent(AwsChunkedBody.UnsignedWithTrailers(_data, 8192, [], finalChunk: false));
        Assert.That((await SendAsync(request)).Code, Is.EqualTo("IncompleteBody"));
    }

    [Test]
    public async Task A_plain_body_shorter_than_its_Content_Length_fails_with_IncompleteBody()
    {
        // HttpClient will not send a short body, so this speaks HTTP/1.1 on a socket and half-closes after the bytes.
        var signer = new TestSigner(TestKeys.LongTerm);
        var body = Encoding.ASCII.GetBytes("0123456789");
        var signed = signer.Sign(HttpMethod.Put, Url("/bucket/short"), body, payloadHash: "UNSIGNED-PAYLOAD");
        var head = new StringBuilder($"PUT /bucket/short HTTP/1.1\r\nHost: {_host.Endpoint.Authority}\r\nContent-Length: 100\r\n");
        foreach (var header in signed.Headers.Where(h => h.Key != "Host"))
        {
            head.Append($"{header.Key}: {string.Join(",", header.Value)}\r\n");
        }

        using var client = new TcpClient();
        await client.ConnectAsync(_host.Endpoint.Host, _host.Endpoint.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head + "\r\n"));
        await stream.WriteAsync(body);
        client.Client.Shutdown(SocketShutdown.Send);
        // Kestrel may drop the connection once the body came up short, so the verdict is read from the host's record.
        var buffer = new byte[4096];
        try
        {
            while (await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10)) > 0)
            {
            }
        }
        catch (IOException)
        {
            // Connection reset after the bad request: expected.
        }

        Assert.That(_host.PayloadFailures, Does.Contain("IncompleteBody"));
    }
}
