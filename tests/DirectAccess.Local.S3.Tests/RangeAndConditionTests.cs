using System.Net;
using DirectAccess.Local.S3.Tests.Support;

namespace DirectAccess.Local.S3.Tests;

public sealed class RangeAndConditionTests : S3TestBase
{
    private static readonly Dictionary<string, string> NoHeaders = [];

    [TestCase("bytes=0-9", 0, 10)]
    [TestCase("bytes=990-", 990, 10)]
    [TestCase("bytes=-5", 995, 5)]
    [TestCase("bytes=995-5000", 995, 5)]
    [TestCase("bytes=-5000", 0, 1000)]
    public async Task RangeReturnsPartialContent(string range, int start, int length)
    {
        var key = NewPrefix() + "r";
        var body = RandomBytes(1000);
        await PutAsync(key, body);
        var response = await GetAsync(key, new Dictionary<string, string> { ["Range"] = range });
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(body.AsSpan(start, length).ToArray()));
            Assert.That(Header(response, "Content-Range"), Is.EqualTo($"bytes {start}-{start + length - 1}/1000"));
        });
    }

    [TestCase("bytes=1000-")]
    [TestCase("bytes=5000-6000")]
    [TestCase("bytes=-0")]
    public async Task UnsatisfiableRangeIsInvalidRange(string range)
    {
        var key = NewPrefix() + "r";
        await PutAsync(key, RandomBytes(1000));
        await AssertErrorAsync(await GetAsync(key, new Dictionary<string, string> { ["Range"] = range }),
            HttpStatusCode.RequestedRangeNotSatisfiable, "InvalidRange");
    }

    [Test]
    public async Task MalformedRangeIsIgnored()
    {
        var key = NewPrefix() + "r";
        await PutAsync(key, RandomBytes(100));
        var response = await GetAsync(key, new Dictionary<string, string> { ["Range"] = "bytes=9-3" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.Content.ReadAsByteArrayAsync()).Length, Is.EqualTo(100));
    }

    [Test]
    public async Task ConditionalGetsFollowRfc7232AsS3Does()
    {
        var key = NewPrefix() + "c";
        var put = await PutAsync(key, RandomBytes(10));
        var etag = $"\"{ETagOf(put)}\"";
        var past = DateTimeOffset.UtcNow.AddDays(-1).ToString("r");
        var future = DateTimeOffset.UtcNow.AddDays(1).ToString("r");

        async Task<HttpStatusCode> Status(string name, string value) =>
            (await GetAsync(key, new Dictionary<string, string> { [name] = value })).StatusCode;

        Assert.Multiple(async () =>
        {
            Assert.That(await Status("If-Match", etag), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await Status("If-Match", "\"0000\""), Is.EqualTo(HttpStatusCode.PreconditionFailed));
            Assert.That(await Status("If-None-Match", etag), Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(await Status("If-None-Match", "\"0000\""), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await Status("If-Modified-Since", future), Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(await Status("If-Modified-Since", past), Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await Status("If-Unmodified-Since", past), Is.EqualTo(HttpStatusCode.PreconditionFailed));
            Assert.That(await Status("If-Unmodified-Since", future), Is.EqualTo(HttpStatusCode.OK));
        });

        // If-Match that holds wins over a failing If-Unmodified-Since (S3 user guide, conditional requests).
        var both = await GetAsync(key, new Dictionary<string, string> { ["If-Match"] = etag, ["If-Unmodified-Since"] = past });
        Assert.That(both.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var notModified = await GetAsync(key, new Dictionary<string, string> { ["If-None-Match"] = etag });
        Assert.That(notModified.Headers.ETag?.Tag, Is.EqualTo(etag));
        var failed = await GetAsync(key, new Dictionary<string, string> { ["If-Match"] = "\"0000\"" });
        await AssertErrorAsync(failed, HttpStatusCode.PreconditionFailed, "PreconditionFailed");
    }

    [Test]
    public async Task ResponseOverridesReplaceStoredHeaders()
    {
        var key = NewPrefix() + "o";
        await PutAsync(key, RandomBytes(10), new Dictionary<string, string> { ["Content-Type"] = "text/plain" });
        var response = await GetAsync(key, NoHeaders, query: "?response-content-type=application%2Fjson&response-content-disposition=inline");
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(Header(response, "Content-Disposition"), Is.EqualTo("inline"));
        });
    }
}
