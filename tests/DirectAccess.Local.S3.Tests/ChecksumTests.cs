using System.Net;
using System.Security.Cryptography;
using DirectAccess.Checksums;
using DirectAccess.Local.S3.Tests.Support;

namespace DirectAccess.Local.S3.Tests;

public sealed class ChecksumTests : S3TestBase
{
    private static string Checksum(string algorithm, byte[] data)
    {
        var checksum = ChecksumAlgorithms.Create(algorithm);
        checksum.Append(data);
        return checksum.GetBase64AndReset();
    }

    [TestCase("CRC32")]
    [TestCase("CRC32C")]
    [TestCase("SHA1")]
    [TestCase("SHA256")]
    public async Task ChecksumHeaderIsVerifiedStoredAndReturnedWhenAsked(string algorithm)
    {
        var key = NewPrefix() + "k";
        var body = RandomBytes(300_000);
        var value = Checksum(algorithm, body);
        var header = ChecksumAlgorithms.HeaderName(algorithm);
        var put = await PutAsync(key, body, new Dictionary<string, string> { [header] = value });
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
        Assert.That(Header(put, header), Is.EqualTo(value));

        var withMode = await GetAsync(key, new Dictionary<string, string> { ["x-amz-checksum-mode"] = "ENABLED" });
        var without = await GetAsync(key);
        var ranged = await GetAsync(key, new Dictionary<string, string> { ["x-amz-checksum-mode"] = "ENABLED", ["Range"] = "bytes=0-9" });
        Assert.Multiple(() =>
        {
            Assert.That(Header(withMode, header), Is.EqualTo(value));
            Assert.That(Header(withMode, "x-amz-checksum-type"), Is.EqualTo("FULL_OBJECT"));
            Assert.That(Header(without, header), Is.Null);
            Assert.That(Header(ranged, header), Is.Null, "a checksum describes the whole object");
        });
    }

    [Test]
    public async Task ChecksumMismatchIsBadDigestAndStoresNothing()
    {
        var key = NewPrefix() + "k";
        var good = RandomBytes(1000);
        await PutAsync(key, good);
        var tempBefore = Directory.GetFiles(Path.Combine(Target.DataDir, "s3", "tmp")).Length;

        var bad = await PutAsync(key, RandomBytes(1000), new Dictionary<string, string> { ["x-amz-checksum-crc32"] = Checksum("CRC32", good) });
        await AssertErrorAsync(bad, HttpStatusCode.BadRequest, "BadDigest");
        Assert.That(await (await GetAsync(key)).Content.ReadAsByteArrayAsync(), Is.EqualTo(good), "the earlier object is untouched");

        var fresh = NewPrefix() + "never";
        var rejected = await PutAsync(fresh, RandomBytes(1000), new Dictionary<string, string> { ["x-amz-checksum-sha256"] = Checksum("SHA256", good) });
        await AssertErrorAsync(rejected, HttpStatusCode.BadRequest, "BadDigest");
        Assert.That((await GetAsync(fresh)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(Directory.GetFiles(Path.Combine(Target.DataDir, "s3", "tmp")).Length, Is.LessThanOrEqualTo(tempBefore));
    }

    /// <summary>
    /// The AWSSDK default framing by hand: <c>STREAMING-UNSIGNED-PAYLOAD-TRAILER</c>, aws-chunked body, CRC32 as a trailer.
    /// A wrong trailer is <c>BadDigest</c> and stores nothing; the right one is stored and returned.
    /// </summary>
    [TestCase(true)]
    [TestCase(false)]
    public async Task TrailerChecksumInAwsChunkedBodyIsVerified(bool correct)
    {
        Target.RequireRealCloud();
        var key = NewPrefix() + "trailer";
        var body = RandomBytes(70_000);
        var crc = Checksum("CRC32", correct ? body : [1, 2, 3]);
        var framed = new MemoryStream();
        void Write(string text) => framed.Write(System.Text.Encoding.ASCII.GetBytes(text));
        Write($"{40_000:x}\r\n");
        framed.Write(body, 0, 40_000);
        Write($"\r\n{30_000:x}\r\n");
        framed.Write(body, 40_000, 30_000);
        Write($"\r\n0\r\nx-amz-checksum-crc32:{crc}\r\n\r\n");

        using var client = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri(Target.Endpoint, Target.PathOf(key))) { Content = new ByteArrayContent(framed.ToArray()) };
        request.Content.Headers.ContentEncoding.Add("aws-chunked");
        request.Headers.TryAddWithoutValidation("x-amz-decoded-content-length", body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("x-amz-trailer", "x-amz-checksum-crc32");
        request.Headers.TryAddWithoutValidation("x-amz-sdk-checksum-algorithm", "CRC32");
        Support.SigV4TestSigner.Sign(request, Target.Admin, DateTime.UtcNow, "STREAMING-UNSIGNED-PAYLOAD-TRAILER");
        var response = await client.SendAsync(request);
        if (!correct)
        {
            await AssertErrorAsync(response, HttpStatusCode.BadRequest, "BadDigest");
            Assert.That((await GetAsync(key)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            return;
        }

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var get = await GetAsync(key, new Dictionary<string, string> { ["x-amz-checksum-mode"] = "ENABLED" });
        Assert.Multiple(async () =>
        {
            Assert.That(await get.Content.ReadAsByteArrayAsync(), Is.EqualTo(body));
            Assert.That(Header(get, "x-amz-checksum-crc32"), Is.EqualTo(crc));
            Assert.That(Header(get, "Content-Encoding"), Is.Null, "aws-chunked describes the upload, not the object");
        });
    }

    [Test]
    public async Task ContentMd5IsVerified()
    {
        var key = NewPrefix() + "k";
        var body = RandomBytes(500);
        var ok = await PutAsync(key, body, new Dictionary<string, string> { ["Content-MD5"] = Convert.ToBase64String(MD5.HashData(body)) });
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var bad = await PutAsync(NewPrefix() + "k", body, new Dictionary<string, string> { ["Content-MD5"] = Convert.ToBase64String(MD5.HashData([1])) });
        await AssertErrorAsync(bad, HttpStatusCode.BadRequest, "BadDigest");
        var malformed = await PutAsync(NewPrefix() + "k", body, new Dictionary<string, string> { ["Content-MD5"] = "nope" });
        await AssertErrorAsync(malformed, HttpStatusCode.BadRequest, "InvalidDigest");
    }

    [Test]
    public async Task MalformedOrMultipleChecksumsAreInvalidRequest()
    {
        var body = RandomBytes(10);
        var malformed = await PutAsync(NewPrefix() + "k", body, new Dictionary<string, string> { ["x-amz-checksum-crc32"] = "AAAA" });
        await AssertErrorAsync(malformed, HttpStatusCode.BadRequest, "InvalidRequest");
        var two = await PutAsync(NewPrefix() + "k", body, new Dictionary<string, string>
        {
            ["x-amz-checksum-crc32"] = Checksum("CRC32", body),
            ["x-amz-checksum-sha1"] = Checksum("SHA1", body),
        });
        await AssertErrorAsync(two, HttpStatusCode.BadRequest, "InvalidRequest");
        var undeclared = await PutAsync(NewPrefix() + "k", body, new Dictionary<string, string> { ["x-amz-sdk-checksum-algorithm"] = "CRC32" });
        await AssertErrorAsync(undeclared, HttpStatusCode.BadRequest, "InvalidRequest");
    }
}
