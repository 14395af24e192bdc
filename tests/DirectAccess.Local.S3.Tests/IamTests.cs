using System.Net;
using System.Text;
using DirectAccess.Local.S3.Tests.Support;

namespace DirectAccess.Local.S3.Tests;

/// <summary>
/// IAM through S3 with real role-session credentials: alice and erin (uploaders) own <c>private/&lt;identityId&gt;/</c>;
/// bob (viewers) reads public data only. Denials are 403 XML <c>AccessDenied</c> with AWS's reason text.
/// </summary>
public sealed class IamTests : S3TestBase
{
    private static string OwnKey(TestCredentials caller) => $"{caller.PrivatePrefix}{TestContext.CurrentContext.Test.MethodName}-{Guid.NewGuid():N}";

    private static async Task AssertDeniedAsync(HttpResponseMessage response, TestCredentials caller, string action, string explicitOrImplicit = "no identity-based policy allows")
    {
        var error = await AssertErrorAsync(response, HttpStatusCode.Forbidden, "AccessDenied");
        if (Target.IsRealCloud)
        {
            Assert.That(error.Element("Message")!.Value,
                Does.StartWith("User: arn:aws:sts::").And.Contain($"is not authorized to perform: {action} on resource: \"arn:aws:s3:::{Target.Bucket}")
                    .And.Contain(explicitOrImplicit));
        }
    }

    [Test]
    public async Task AliceWritesHerPrefixButNotBobs()
    {
        var own = OwnKey(Target.Alice);
        var put = await PutAsync(own, Encoding.UTF8.GetBytes("mine"), caller: Target.Alice);
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());
        Assert.That(await (await GetAsync(own, caller: Target.Alice)).Content.ReadAsStringAsync(), Is.EqualTo("mine"));

        var bobs = OwnKey(Target.Bob);
        await AssertDeniedAsync(await PutAsync(bobs, [1], caller: Target.Alice), Target.Alice, "s3:PutObject");
        Assert.That((await GetAsync(bobs)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the denied write stored nothing");
        await AssertDeniedAsync(await SendAsync(Target.Alice, HttpMethod.Post, Target.PathOf(bobs) + "?uploads", []), Target.Alice, "s3:PutObject");
    }

    [Test]
    public async Task BucketAdministrationIsDecidedByIamBeforeAnythingElse()
    {
        // An unauthorized caller learns nothing beyond AWS's 403; only an allowed caller hears that it is not served here.
        await AssertDeniedAsync(await SendAsync(Target.Alice, HttpMethod.Delete, "/" + Target.Bucket), Target.Alice, "s3:DeleteBucket");
        await AssertDeniedAsync(await SendAsync(Target.Bob, HttpMethod.Put, "/" + Target.Bucket, []), Target.Bob, "s3:CreateBucket");
        await AssertErrorAsync(await SendAsync(Target.Admin, HttpMethod.Delete, "/" + Target.Bucket), (HttpStatusCode)501, "NotImplemented");
        Assert.That((await SendAsync(Target.Admin, HttpMethod.Head, "/" + Target.Bucket)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the bucket is still there");
    }

    [Test]
    public async Task ErinCannotReadDeleteOrAbortAlicesObjects()
    {
        var key = OwnKey(Target.Alice);
        await PutAsync(key, [1, 2, 3], caller: Target.Alice);
        await AssertDeniedAsync(await GetAsync(key, caller: Target.Erin), Target.Erin, "s3:GetObject");
        await AssertDeniedAsync(await SendAsync(Target.Erin, HttpMethod.Delete, Target.PathOf(key)), Target.Erin, "s3:DeleteObject");

        var create = await SendAsync(Target.Alice, HttpMethod.Post, Target.PathOf(key) + "?uploads", []);
        var uploadId = (await XmlOf(create)).Element(S3 + "UploadId")!.Value;
        var upload = $"{Target.PathOf(key)}?uploadId={Uri.EscapeDataString(uploadId)}";
        await AssertDeniedAsync(await SendAsync(Target.Erin, HttpMethod.Delete, upload), Target.Erin, "s3:AbortMultipartUpload");
        await AssertDeniedAsync(await SendAsync(Target.Erin, HttpMethod.Get, upload), Target.Erin, "s3:ListMultipartUploadParts");
        Assert.That((await SendAsync(Target.Alice, HttpMethod.Get, upload)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await SendAsync(Target.Alice, HttpMethod.Delete, upload)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await (await GetAsync(key, caller: Target.Alice)).Content.ReadAsByteArrayAsync(), Is.EqualTo(new byte[] { 1, 2, 3 }));
    }

    [Test]
    public async Task ListingIsAllowedOnlyUnderTheCallersPrefix()
    {
        var key = OwnKey(Target.Alice);
        await PutAsync(key, [1], caller: Target.Alice);
        var own = await SendAsync(Target.Alice, HttpMethod.Get,
            $"/{Target.Bucket}?list-type=2&prefix={Uri.EscapeDataString(Target.Alice.PrivatePrefix)}&delimiter=%2F");
        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK), await own.Content.ReadAsStringAsync());
        Assert.That((await XmlOf(own)).Elements(S3 + "Contents").Select(c => c.Element(S3 + "Key")!.Value), Does.Contain(key));

        await AssertDeniedAsync(await SendAsync(Target.Alice, HttpMethod.Get,
            $"/{Target.Bucket}?list-type=2&prefix={Uri.EscapeDataString(Target.Erin.PrivatePrefix)}"), Target.Alice, "s3:ListBucket");
        await AssertDeniedAsync(await SendAsync(Target.Alice, HttpMethod.Get, $"/{Target.Bucket}?list-type=2"), Target.Alice, "s3:ListBucket");
    }

    [Test]
    public async Task MissingKeyIsForbiddenWithoutListBucketAndNotFoundWithIt()
    {
        var missing = OwnKey(Target.Alice);
        await AssertErrorAsync(await GetAsync(missing, caller: Target.Alice), HttpStatusCode.Forbidden, "AccessDenied");
        var head = await SendAsync(Target.Alice, HttpMethod.Head, Target.PathOf(missing));
        Assert.That(head.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        await AssertErrorAsync(await GetAsync(missing), HttpStatusCode.NotFound, "NoSuchKey");
    }

    [Test]
    public async Task ExplicitDenyIsReportedAsSuch()
    {
        Target.RequireRealCloud();
        var response = await PutAsync($"manifests/{Guid.NewGuid():N}.json", [1], caller: Target.Alice);
        await AssertDeniedAsync(response, Target.Alice, "s3:PutObject", "with an explicit deny in an identity-based policy");
    }

    [Test]
    public async Task DeleteObjectsReportsDeniedKeysPerKey()
    {
        var mine = OwnKey(Target.Alice);
        var erins = OwnKey(Target.Erin);
        await PutAsync(mine, [1], caller: Target.Alice);
        await PutAsync(erins, [1], caller: Target.Erin);
        var body = Encoding.UTF8.GetBytes($"<Delete><Object><Key>{mine}</Key></Object><Object><Key>{erins}</Key></Object></Delete>");
        var response = await SendAsync(Target.Alice, HttpMethod.Post, $"/{Target.Bucket}?delete", body,
            new Dictionary<string, string> { ["Content-MD5"] = Convert.ToBase64String(System.Security.Cryptography.MD5.HashData(body)) });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var xml = await XmlOf(response);
        Assert.Multiple(async () =>
        {
            Assert.That(xml.Elements(S3 + "Deleted").Select(d => d.Element(S3 + "Key")!.Value), Is.EqualTo(new[] { mine }));
            Assert.That(xml.Elements(S3 + "Error").Select(d => (d.Element(S3 + "Key")!.Value, d.Element(S3 + "Code")!.Value)),
                Is.EqualTo(new[] { (erins, "AccessDenied") }));
            Assert.That((await GetAsync(erins)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task CopyNeedsReadOnTheSourceAndWriteOnTheDestination()
    {
        var erins = OwnKey(Target.Erin);
        await PutAsync(erins, [7], caller: Target.Erin);
        var steal = await PutAsync(OwnKey(Target.Alice), [], new Dictionary<string, string> { ["x-amz-copy-source"] = $"{Target.Bucket}/{erins}" }, Target.Alice);
        await AssertDeniedAsync(steal, Target.Alice, "s3:GetObject");

        var mine = OwnKey(Target.Alice);
        await PutAsync(mine, [8], caller: Target.Alice);
        var plant = await PutAsync(OwnKey(Target.Erin), [], new Dictionary<string, string> { ["x-amz-copy-source"] = $"{Target.Bucket}/{mine}" }, Target.Alice);
        await AssertDeniedAsync(plant, Target.Alice, "s3:PutObject");
        var ownCopy = await PutAsync(mine + "-copy", [], new Dictionary<string, string> { ["x-amz-copy-source"] = $"{Target.Bucket}/{mine}" }, Target.Alice);
        Assert.That(ownCopy.StatusCode, Is.EqualTo(HttpStatusCode.OK), await ownCopy.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task ViewerCannotWriteAnywhere()
    {
        Target.RequireRealCloud();
        await AssertDeniedAsync(await PutAsync($"public/{Guid.NewGuid():N}", [1], caller: Target.Bob), Target.Bob, "s3:PutObject");
        await AssertDeniedAsync(await PutAsync(OwnKey(Target.Bob), [1], caller: Target.Bob), Target.Bob, "s3:PutObject");
    }

    [Test]
    public async Task UnknownAccessKeyIsRejectedBeforeAnything()
    {
        var stranger = new TestCredentials("stranger", "ASIAUNKNOWNKEY000000", "secret", "token", null);
        var response = await PutAsync(NewPrefix() + "x", [1], caller: stranger);
        await AssertErrorAsync(response, HttpStatusCode.Forbidden, "InvalidAccessKeyId");
    }
}
