using System.Net;
using System.Security.Cryptography;
using System.Text;
using DirectAccess.Checksums;
using DirectAccess.Local.S3.Tests.Support;

namespace DirectAccess.Local.S3.Tests;

public sealed class MultipartTests : S3TestBase
{
    private const int MiB = 1024 * 1024;

    private static async Task<string> CreateAsync(string key, IDictionary<string, string>? headers = null, TestCredentials? caller = null)
    {
        var response = await SendAsync(caller ?? Target.Admin, HttpMethod.Post, Target.PathOf(key) + "?uploads", [], headers);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await XmlOf(response)).Element(S3 + "UploadId")!.Value;
    }

    private static Task<HttpResponseMessage> UploadPartAsync(string key, string uploadId, int partNumber, byte[] body,
        IDictionary<string, string>? headers = null) =>
        SendAsync(Target.Admin, HttpMethod.Put, $"{Target.PathOf(key)}?partNumber={partNumber}&uploadId={Uri.EscapeDataString(uploadId)}", body, headers);

    private static Task<HttpResponseMessage> CompleteAsync(string key, string uploadId, IEnumerable<(int Number, string ETag, string? Checksum)> parts,
        string? checksumElement = null, IDictionary<string, string>? headers = null)
    {
        var xml = new StringBuilder("<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        foreach (var (number, etag, checksum) in parts)
        {
            xml.Append($"<Part><PartNumber>{number}</PartNumber><ETag>\"{etag}\"</ETag>");
            if (checksum is not null)
            {
                xml.Append($"<{checksumElement}>{checksum}</{checksumElement}>");
            }

            xml.Append("</Part>");
        }

        xml.Append("</CompleteMultipartUpload>");
        return SendAsync(Target.Admin, HttpMethod.Post, $"{Target.PathOf(key)}?uploadId={Uri.EscapeDataString(uploadId)}",
            Encoding.UTF8.GetBytes(xml.ToString()), headers);
    }

    private static string Crc32C(byte[] data)
    {
        var checksum = ChecksumAlgorithms.Create("CRC32C");
        checksum.Append(data);
        return checksum.GetBase64AndReset();
    }

    [Test]
    public async Task CompletedUploadHasMultipartETagCompositeChecksumAndExactBytes()
    {
        var key = NewPrefix() + "big.bin";
        var parts = new[] { RandomBytes(5 * MiB), RandomBytes(5 * MiB + 3), RandomBytes(1) };
        var uploadId = await CreateAsync(key, new Dictionary<string, string> { ["x-amz-checksum-algorithm"] = "CRC32C", ["x-amz-meta-origin"] = "test" });
        var uploaded = new List<(int, string, string?)>();
        for (var i = 0; i < parts.Length; i++)
        {
            var response = await UploadPartAsync(key, uploadId, i + 1, parts[i], new Dictionary<string, string> { ["x-amz-checksum-crc32c"] = Crc32C(parts[i]) });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            Assert.That(ETagOf(response), Is.EqualTo(Md5Hex(parts[i])));
            Assert.That(Header(response, "x-amz-checksum-crc32c"), Is.EqualTo(Crc32C(parts[i])));
            uploaded.Add((i + 1, ETagOf(response), Crc32C(parts[i])));
        }

        var complete = await CompleteAsync(key, uploadId, uploaded, "ChecksumCRC32C");
        Assert.That(complete.StatusCode, Is.EqualTo(HttpStatusCode.OK), await complete.Content.ReadAsStringAsync());
        var result = await XmlOf(complete);
        var expectedETag = Convert.ToHexStringLower(MD5.HashData(parts.SelectMany(MD5.HashData).ToArray())) + "-3";
        var expectedChecksum = ChecksumAlgorithms.Composite("CRC32C", parts.Select(Crc32C));
        Assert.Multiple(() =>
        {
            Assert.That(result.Element(S3 + "ETag")?.Value, Is.EqualTo($"\"{expectedETag}\""));
            Assert.That(result.Element(S3 + "ChecksumCRC32C")?.Value, Is.EqualTo(expectedChecksum));
            Assert.That(expectedChecksum, Does.EndWith("-3"));
        });

        var whole = parts.SelectMany(p => p).ToArray();
        var get = await GetAsync(key, new Dictionary<string, string> { ["x-amz-checksum-mode"] = "ENABLED" });
        Assert.Multiple(async () =>
        {
            Assert.That(SHA256.HashData(await get.Content.ReadAsByteArrayAsync()), Is.EqualTo(SHA256.HashData(whole)));
            Assert.That(ETagOf(get), Is.EqualTo(expectedETag));
            Assert.That(Header(get, "x-amz-checksum-crc32c"), Is.EqualTo(expectedChecksum));
            Assert.That(Header(get, "x-amz-checksum-type"), Is.EqualTo("COMPOSITE"));
            Assert.That(Header(get, "x-amz-meta-origin"), Is.EqualTo("test"));
        });

        // A range across the part boundary, and a single part by number.
        var boundary = 5 * MiB;
        var ranged = await GetAsync(key, new Dictionary<string, string> { ["Range"] = $"bytes={boundary - 10}-{boundary + 9}" });
        Assert.That(await ranged.Content.ReadAsByteArrayAsync(), Is.EqualTo(whole.AsSpan(boundary - 10, 20).ToArray()));
        var second = await GetAsync(key, query: "?partNumber=2");
        Assert.Multiple(async () =>
        {
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
            Assert.That(await second.Content.ReadAsByteArrayAsync(), Is.EqualTo(parts[1]));
            Assert.That(Header(second, "x-amz-mp-parts-count"), Is.EqualTo("3"));
        });
    }

    [Test]
    public async Task PartSmallerThanFiveMiBIsEntityTooSmallUnlessLast()
    {
        var key = NewPrefix() + "k";
        var uploadId = await CreateAsync(key);
        var first = await UploadPartAsync(key, uploadId, 1, RandomBytes(1000));
        var second = await UploadPartAsync(key, uploadId, 2, RandomBytes(1000));
        var response = await CompleteAsync(key, uploadId, [(1, ETagOf(first), null), (2, ETagOf(second), null)]);
        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "EntityTooSmall");
        Assert.That((await GetAsync(key)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var onlyOne = await CompleteAsync(key, uploadId, [(1, ETagOf(first), null)]);
        Assert.That(onlyOne.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a single small part is the last part");
    }

    [Test]
    public async Task PartsOutOfOrderAreInvalidPartOrder()
    {
        var key = NewPrefix() + "k";
        var uploadId = await CreateAsync(key);
        var one = ETagOf(await UploadPartAsync(key, uploadId, 1, RandomBytes(10)));
        var two = ETagOf(await UploadPartAsync(key, uploadId, 2, RandomBytes(10)));
        await AssertErrorAsync(await CompleteAsync(key, uploadId, [(2, two, null), (1, one, null)]), HttpStatusCode.BadRequest, "InvalidPartOrder");
        await AssertErrorAsync(await CompleteAsync(key, uploadId, [(1, one, null), (1, one, null)]), HttpStatusCode.BadRequest, "InvalidPartOrder");
    }

    [Test]
    public async Task WrongETagOrMissingPartIsInvalidPart()
    {
        var key = NewPrefix() + "k";
        var uploadId = await CreateAsync(key);
        await UploadPartAsync(key, uploadId, 1, RandomBytes(10));
        await AssertErrorAsync(await CompleteAsync(key, uploadId, [(1, Md5Hex([9]), null)]), HttpStatusCode.BadRequest, "InvalidPart");
        await AssertErrorAsync(await CompleteAsync(key, uploadId, [(7, Md5Hex([9]), null)]), HttpStatusCode.BadRequest, "InvalidPart");
    }

    [Test]
    public async Task UnknownUploadIdIsNoSuchUploadEverywhere()
    {
        var key = NewPrefix() + "k";
        const string unknown = "not-an-upload";
        await AssertErrorAsync(await UploadPartAsync(key, unknown, 1, [1]), HttpStatusCode.NotFound, "NoSuchUpload");
        await AssertErrorAsync(await CompleteAsync(key, unknown, [(1, Md5Hex([1]), null)]), HttpStatusCode.NotFound, "NoSuchUpload");
        await AssertErrorAsync(await SendAsync(Target.Admin, HttpMethod.Get, $"{Target.PathOf(key)}?uploadId={unknown}"), HttpStatusCode.NotFound, "NoSuchUpload");
        await AssertErrorAsync(await SendAsync(Target.Admin, HttpMethod.Delete, $"{Target.PathOf(key)}?uploadId={unknown}"), HttpStatusCode.NotFound, "NoSuchUpload");

        var realId = await CreateAsync(key);
        var otherKey = await UploadPartAsync(key + "-other", realId, 1, [1]);
        await AssertErrorAsync(otherKey, HttpStatusCode.NotFound, "NoSuchUpload");
    }

    [Test]
    public async Task AbortThenCompleteIsNoSuchUploadAndPartsAreDeleted()
    {
        var key = NewPrefix() + "k";
        var uploadId = await CreateAsync(key);
        var etag = ETagOf(await UploadPartAsync(key, uploadId, 1, RandomBytes(1000)));
        var blobsWithPart = CountBlobs();
        var abort = await SendAsync(Target.Admin, HttpMethod.Delete, $"{Target.PathOf(key)}?uploadId={Uri.EscapeDataString(uploadId)}");
        Assert.That(abort.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(CountBlobs(), Is.EqualTo(blobsWithPart - 1));
        await AssertErrorAsync(await CompleteAsync(key, uploadId, [(1, etag, null)]), HttpStatusCode.NotFound, "NoSuchUpload");
        Assert.That((await GetAsync(key)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ListPartsPaginatesWithMaxPartsAndMarker()
    {
        var key = NewPrefix() + "k";
        var uploadId = await CreateAsync(key);
        foreach (var n in new[] { 1, 2, 3, 5, 8 })
        {
            await UploadPartAsync(key, uploadId, n, RandomBytes(n));
        }

        var seen = new List<int>();
        var marker = 0;
        for (var page = 0; page < 10; page++)
        {
            var response = await SendAsync(Target.Admin, HttpMethod.Get,
                $"{Target.PathOf(key)}?uploadId={Uri.EscapeDataString(uploadId)}&max-parts=2&part-number-marker={marker}");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
            var xml = await XmlOf(response);
            var numbers = xml.Elements(S3 + "Part").Select(p => int.Parse(p.Element(S3 + "PartNumber")!.Value)).ToArray();
            Assert.That(numbers.Length, Is.LessThanOrEqualTo(2));
            seen.AddRange(numbers);
            Assert.That(xml.Elements(S3 + "Part").Select(p => long.Parse(p.Element(S3 + "Size")!.Value)), Is.EqualTo(numbers.Select(n => (long)n)));
            if (xml.Element(S3 + "IsTruncated")!.Value != "true")
            {
                break;
            }

            marker = int.Parse(xml.Element(S3 + "NextPartNumberMarker")!.Value);
        }

        Assert.That(seen, Is.EqualTo(new[] { 1, 2, 3, 5, 8 }));
    }

    [Test]
    public async Task ListMultipartUploadsShowsUploadsInProgress()
    {
        var prefix = NewPrefix();
        var first = await CreateAsync(prefix + "a");
        var second = await CreateAsync(prefix + "b/c");
        var response = await SendAsync(Target.Admin, HttpMethod.Get, $"/{Target.Bucket}?uploads&prefix={Uri.EscapeDataString(prefix)}&delimiter=/");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var xml = await XmlOf(response);
        Assert.Multiple(() =>
        {
            Assert.That(xml.Elements(S3 + "Upload").Select(u => u.Element(S3 + "UploadId")!.Value), Is.EqualTo(new[] { first }));
            Assert.That(xml.Elements(S3 + "CommonPrefixes").Select(c => c.Element(S3 + "Prefix")!.Value), Is.EqualTo(new[] { prefix + "b/" }));
        });
        Assert.That(second, Is.Not.EqualTo(first));
    }

    [TestCase(0)]
    [TestCase(10001)]
    public async Task PartNumberOutsideOneToTenThousandIsInvalidArgument(int partNumber)
    {
        var key = NewPrefix() + "k";
        var uploadId = await CreateAsync(key);
        await AssertErrorAsync(await UploadPartAsync(key, uploadId, partNumber, [1]), HttpStatusCode.BadRequest, "InvalidArgument");
    }

    [Test]
    public async Task CompleteWithIfNoneMatchRefusesAnExistingKeyAndKeepsTheUpload()
    {
        var key = NewPrefix() + "k";
        await PutAsync(key, [1]);
        var uploadId = await CreateAsync(key);
        var etag = ETagOf(await UploadPartAsync(key, uploadId, 1, [2]));
        var refused = await CompleteAsync(key, uploadId, [(1, etag, null)], headers: new Dictionary<string, string> { ["If-None-Match"] = "*" });
        await AssertErrorAsync(refused, HttpStatusCode.PreconditionFailed, "PreconditionFailed");
        Assert.That(await (await GetAsync(key)).Content.ReadAsByteArrayAsync(), Is.EqualTo(new byte[] { 1 }));
        var completed = await CompleteAsync(key, uploadId, [(1, etag, null)]);
        Assert.That(completed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await (await GetAsync(key)).Content.ReadAsByteArrayAsync(), Is.EqualTo(new byte[] { 2 }));
    }

    [Test]
    public async Task PartChecksumOfAnotherAlgorithmIsRejected()
    {
        var key = NewPrefix() + "k";
        var uploadId = await CreateAsync(key, new Dictionary<string, string> { ["x-amz-checksum-algorithm"] = "CRC32C" });
        var body = RandomBytes(100);
        var sha = Convert.ToBase64String(SHA256.HashData(body));
        await AssertErrorAsync(await UploadPartAsync(key, uploadId, 1, body, new Dictionary<string, string> { ["x-amz-checksum-sha256"] = sha }),
            HttpStatusCode.BadRequest, "InvalidRequest");
        var mismatch = await UploadPartAsync(key, uploadId, 1, body, new Dictionary<string, string> { ["x-amz-checksum-crc32c"] = Crc32C([1]) });
        await AssertErrorAsync(mismatch, HttpStatusCode.BadRequest, "BadDigest");
    }

    [Test]
    public async Task FullObjectChecksumIsTheCrcOfTheWholeObject()
    {
        var key = NewPrefix() + "full";
        var parts = new[] { RandomBytes(5 * MiB), RandomBytes(1234) };
        var uploadId = await CreateAsync(key, new Dictionary<string, string> { ["x-amz-checksum-algorithm"] = "CRC32C", ["x-amz-checksum-type"] = "FULL_OBJECT" });
        var uploaded = new List<(int, string, string?)>();
        for (var i = 0; i < parts.Length; i++)
        {
            var response = await UploadPartAsync(key, uploadId, i + 1, parts[i], new Dictionary<string, string> { ["x-amz-checksum-crc32c"] = Crc32C(parts[i]) });
            uploaded.Add((i + 1, ETagOf(response), Crc32C(parts[i])));
        }

        var whole = Crc32C(parts.SelectMany(p => p).ToArray());
        var wrong = await CompleteAsync(key, uploadId, uploaded, "ChecksumCRC32C", new Dictionary<string, string> { ["x-amz-checksum-crc32c"] = Crc32C([1]) });
        await AssertErrorAsync(wrong, HttpStatusCode.BadRequest, "BadDigest");
        var complete = await CompleteAsync(key, uploadId, uploaded, "ChecksumCRC32C", new Dictionary<string, string> { ["x-amz-checksum-crc32c"] = whole });
        Assert.That(complete.StatusCode, Is.EqualTo(HttpStatusCode.OK), await complete.Content.ReadAsStringAsync());
        Assert.That((await XmlOf(complete)).Element(S3 + "ChecksumCRC32C")?.Value, Is.EqualTo(whole));
        var head = await SendAsync(Target.Admin, HttpMethod.Head, Target.PathOf(key), headers: new Dictionary<string, string> { ["x-amz-checksum-mode"] = "ENABLED" });
        Assert.Multiple(() =>
        {
            Assert.That(Header(head, "x-amz-checksum-crc32c"), Is.EqualTo(whole));
            Assert.That(Header(head, "x-amz-checksum-type"), Is.EqualTo("FULL_OBJECT"));
        });

        var sha = await SendAsync(Target.Admin, HttpMethod.Post, Target.PathOf(key) + "?uploads", [],
            new Dictionary<string, string> { ["x-amz-checksum-algorithm"] = "SHA256", ["x-amz-checksum-type"] = "FULL_OBJECT" });
        await AssertErrorAsync(sha, HttpStatusCode.BadRequest, "InvalidRequest");
    }

    private static int CountBlobs() =>
        Directory.EnumerateFiles(Path.Combine(Target.DataDir, "s3", "blobs"), "*", SearchOption.AllDirectories).Count();
}
