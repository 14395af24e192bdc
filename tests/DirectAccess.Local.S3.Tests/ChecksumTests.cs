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
