using System.Net;
using System.Text;
using DirectAccess.Local.S3.Tests.Support;

namespace DirectAccess.Local.S3.Tests;

public sealed class ObjectTests : S3TestBase
{
    [Test]
    public async Task PutThenGetAndHeadReturnBodyHeadersAndMetadata()
    {
        var key = NewPrefix() + "report.txt";
        var body = RandomBytes(100_000);
        var put = await PutAsync(key, body, new Dictionary<string, string>
        {
            ["Content-Type"] = "text/plain",
            ["Content-Disposition"] = "attachment; filename=\"r.txt\"",
            ["Cache-Control"] = "no-cache",
            ["x-amz-meta-Project"] = "apollo",
        });
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
        Assert.That(ETagOf(put), Is.EqualTo(Md5Hex(body)));

        var get = await GetAsync(key);
        var head = await SendAsync(Target.Admin, HttpMethod.Head, Target.PathOf(key));
        Assert.Multiple(async () =>
        {
            Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await get.Content.ReadAsByteArrayAsync(), Is.EqualTo(body));
            Assert.That(get.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
            Assert.That(Header(get, "Content-Disposition"), Is.EqualTo("attachment; filename=\"r.txt\""));
            Assert.That(Header(get, "Cache-Control"), Is.EqualTo("no-cache"));
            Assert.That(Header(get, "x-amz-meta-project"), Is.EqualTo("apollo"));
            Assert.That(ETagOf(get), Is.EqualTo(Md5Hex(body)));
            Assert.That(get.Content.Headers.LastModified, Is.Not.Null);
            Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(head.Content.Headers.ContentLength, Is.EqualTo(body.Length));
            Assert.That(ETagOf(head), Is.EqualTo(Md5Hex(body)));
            Assert.That(Header(head, "x-amz-meta-project"), Is.EqualTo("apollo"));
        });
    }

    [Test]
    public async Task KeysWithSpecialCharactersRoundTrip()
    {
        var key = NewPrefix() + "a b/c+d%e//ü.txt";
        var put = await PutAsync(key, Encoding.UTF8.GetBytes("x"));
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
        var get = await GetAsync(key);
        Assert.That(await get.Content.ReadAsStringAsync(), Is.EqualTo("x"));
        var other = await GetAsync(key.Replace("//", "/", StringComparison.Ordinal));
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a key with '//' is distinct from one with '/'");
    }

    [Test]
    public async Task MissingKeyIsNoSuchKeyForTheAdmin()
    {
        var error = await AssertErrorAsync(await GetAsync(NewPrefix() + "missing"), HttpStatusCode.NotFound, "NoSuchKey");
        Assert.That(error.Element("Key")?.Value, Does.EndWith("missing"));
    }

    [Test]
    public async Task UnknownBucketIsNoSuchBucket()
    {
        var response = await SendAsync(Target.Admin, HttpMethod.Get, "/no-such-bucket-here/key");
        var error = await AssertErrorAsync(response, HttpStatusCode.NotFound, "NoSuchBucket");
        Assert.That(error.Element("BucketName")?.Value, Is.EqualTo("no-such-bucket-here"));
    }

    [Test]
    public async Task UnsupportedOperationIsNotImplemented()
    {
        var response = await SendAsync(Target.Admin, HttpMethod.Get, Target.PathOf(NewPrefix() + "k") + "?acl");
        await AssertErrorAsync(response, HttpStatusCode.NotImplemented, "NotImplemented");
        var bucketPut = await SendAsync(Target.Admin, HttpMethod.Put, $"/{Target.Bucket}?versioning", []);
        await AssertErrorAsync(bucketPut, HttpStatusCode.NotImplemented, "NotImplemented");
    }

    [Test]
    public async Task DeleteObjectRemovesItAndIsIdempotent()
    {
        var key = NewPrefix() + "gone";
        await PutAsync(key, [1, 2, 3]);
        var delete = await SendAsync(Target.Admin, HttpMethod.Delete, Target.PathOf(key));
        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await GetAsync(key)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var again = await SendAsync(Target.Admin, HttpMethod.Delete, Target.PathOf(key));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task OverwriteReplacesContentAndDeletesOldData()
    {
        var key = NewPrefix() + "v";
        await PutAsync(key, Encoding.UTF8.GetBytes("first"));
        var blobsBefore = CountBlobs();
        await PutAsync(key, Encoding.UTF8.GetBytes("second"));
        Assert.That(await (await GetAsync(key)).Content.ReadAsStringAsync(), Is.EqualTo("second"));
        Assert.That(CountBlobs(), Is.EqualTo(blobsBefore), "the replaced object's file is deleted");
    }

    [Test]
    public async Task ConditionalCreateRefusesAnExistingKey()
    {
        var key = NewPrefix() + "once";
        var ifNoneMatch = new Dictionary<string, string> { ["If-None-Match"] = "*" };
        var first = await PutAsync(key, Encoding.UTF8.GetBytes("one"), ifNoneMatch);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var second = await PutAsync(key, Encoding.UTF8.GetBytes("two"), ifNoneMatch);
        await AssertErrorAsync(second, HttpStatusCode.PreconditionFailed, "PreconditionFailed");
        Assert.That(await (await GetAsync(key)).Content.ReadAsStringAsync(), Is.EqualTo("one"));
    }

    [Test]
    public async Task DeleteObjectsDeletesListedKeysAndHonoursQuiet()
    {
        var prefix = NewPrefix();
        foreach (var name in new[] { "a", "b", "c" })
        {
            await PutAsync(prefix + name, [1]);
        }

        var body = Encoding.UTF8.GetBytes(
            $"<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Object><Key>{prefix}a</Key></Object><Object><Key>{prefix}b</Key></Object><Object><Key>{prefix}missing</Key></Object></Delete>");
        var md5 = Convert.ToBase64String(System.Security.Cryptography.MD5.HashData(body));
        var response = await SendAsync(Target.Admin, HttpMethod.Post, $"/{Target.Bucket}?delete", body,
            new Dictionary<string, string> { ["Content-MD5"] = md5 });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var deleted = (await XmlOf(response)).Elements(S3 + "Deleted").Select(d => d.Element(S3 + "Key")!.Value).ToArray();
        Assert.That(deleted, Is.EquivalentTo(new[] { prefix + "a", prefix + "b", prefix + "missing" }));
        Assert.That((await GetAsync(prefix + "a")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await GetAsync(prefix + "c")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var quietBody = Encoding.UTF8.GetBytes($"<Delete><Quiet>true</Quiet><Object><Key>{prefix}c</Key></Object></Delete>");
        var quiet = await SendAsync(Target.Admin, HttpMethod.Post, $"/{Target.Bucket}?delete", quietBody,
            new Dictionary<string, string> { ["Content-MD5"] = Convert.ToBase64String(System.Security.Cryptography.MD5.HashData(quietBody)) });
        Assert.That((await XmlOf(quiet)).Elements(S3 + "Deleted"), Is.Empty);
        Assert.That((await GetAsync(prefix + "c")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var unsigned = await SendAsync(Target.Admin, HttpMethod.Post, $"/{Target.Bucket}?delete", quietBody);
        await AssertErrorAsync(unsigned, HttpStatusCode.BadRequest, "InvalidRequest");
    }

    [Test]
    public async Task CopyObjectCopiesDataAndMetadataOrReplacesIt()
    {
        var prefix = NewPrefix();
        var body = RandomBytes(70_000);
        await PutAsync(prefix + "src", body, new Dictionary<string, string> { ["x-amz-meta-a"] = "1", ["Content-Type"] = "image/png" });

        var copy = await PutAsync(prefix + "dst", [], new Dictionary<string, string> { ["x-amz-copy-source"] = $"{Target.Bucket}/{prefix}src" });
        Assert.That(copy.StatusCode, Is.EqualTo(HttpStatusCode.OK), await copy.Content.ReadAsStringAsync());
        var result = await XmlOf(copy);
        Assert.That(result.Element(S3 + "ETag")?.Value, Is.EqualTo($"\"{Md5Hex(body)}\""));
        var copied = await GetAsync(prefix + "dst");
        Assert.Multiple(async () =>
        {
            Assert.That(await copied.Content.ReadAsByteArrayAsync(), Is.EqualTo(body));
            Assert.That(Header(copied, "x-amz-meta-a"), Is.EqualTo("1"));
            Assert.That(copied.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/png"));
        });

        var replace = await PutAsync(prefix + "dst2", [], new Dictionary<string, string>
        {
            ["x-amz-copy-source"] = $"/{Target.Bucket}/{Uri.EscapeDataString(prefix + "src")}",
            ["x-amz-metadata-directive"] = "REPLACE",
            ["x-amz-meta-b"] = "2",
        });
        Assert.That(replace.StatusCode, Is.EqualTo(HttpStatusCode.OK), await replace.Content.ReadAsStringAsync());
        var replaced = await GetAsync(prefix + "dst2");
        Assert.Multiple(() =>
        {
            Assert.That(Header(replaced, "x-amz-meta-a"), Is.Null);
            Assert.That(Header(replaced, "x-amz-meta-b"), Is.EqualTo("2"));
        });

        var self = await PutAsync(prefix + "src", [], new Dictionary<string, string> { ["x-amz-copy-source"] = $"{Target.Bucket}/{prefix}src" });
        await AssertErrorAsync(self, HttpStatusCode.BadRequest, "InvalidRequest");
        var missing = await PutAsync(prefix + "x", [], new Dictionary<string, string> { ["x-amz-copy-source"] = $"{Target.Bucket}/{prefix}nope" });
        await AssertErrorAsync(missing, HttpStatusCode.NotFound, "NoSuchKey");
    }

    [Test]
    public async Task ListBucketsAndHeadBucketAnswerForTheTemplateBucket()
    {
        var list = await SendAsync(Target.Admin, HttpMethod.Get, "/");
        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK), await list.Content.ReadAsStringAsync());
        var names = (await XmlOf(list)).Descendants(S3 + "Name").Select(n => n.Value);
        Assert.That(names, Does.Contain(Target.Bucket));
        var head = await SendAsync(Target.Admin, HttpMethod.Head, $"/{Target.Bucket}");
        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var missing = await SendAsync(Target.Admin, HttpMethod.Head, "/not-a-bucket");
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task VirtualHostedStyleAddressesTheSameObjects()
    {
        var key = NewPrefix() + "vh.txt";
        await PutAsync(key, Encoding.UTF8.GetBytes("virtual"));
        using var client = Target.Http(Target.Admin);
        var request = new HttpRequestMessage(HttpMethod.Get, "/" + string.Join('/', key.Split('/').Select(SigV4TestSigner.Encode)));
        request.Headers.Host = $"{Target.Bucket}.localhost:{Target.Endpoint.Port}";
        var response = await client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("virtual"));
    }

    [Test]
    public async Task KeyLongerThan1024BytesIsRejected()
    {
        var response = await PutAsync(NewPrefix() + new string('k', 1025), [1]);
        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "KeyTooLongError");
    }

    private static int CountBlobs() =>
        Directory.EnumerateFiles(Path.Combine(Target.DataDir, "s3", "blobs"), "*", SearchOption.AllDirectories).Count();
}
