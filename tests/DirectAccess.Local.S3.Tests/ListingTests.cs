using System.Net;
using System.Xml.Linq;
using DirectAccess.Local.S3.Tests.Support;

namespace DirectAccess.Local.S3.Tests;

public sealed class ListingTests : S3TestBase
{
    private static async Task<XElement> ListAsync(string query, TestCredentials? caller = null)
    {
        var response = await SendAsync(caller ?? Target.Admin, HttpMethod.Get, $"/{Target.Bucket}?list-type=2&{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await XmlOf(response);
    }

    private static string[] Keys(XElement page) => page.Elements(S3 + "Contents").Select(c => c.Element(S3 + "Key")!.Value).ToArray();

    private static string[] Prefixes(XElement page) =>
        page.Elements(S3 + "CommonPrefixes").Select(c => c.Element(S3 + "Prefix")!.Value).ToArray();

    private static async Task<string> SeedAsync()
    {
        var prefix = NewPrefix();
        var keys = new[] { "a", "b/1", "b/2", "c", "d/x/1", "d/y", "e" };
        foreach (var key in keys)
        {
            await PutAsync(prefix + key, [1]);
        }

        return prefix;
    }

    [Test]
    public async Task DelimiterRollsKeysUpIntoCommonPrefixes()
    {
        var prefix = await SeedAsync();
        var page = await ListAsync($"prefix={Uri.EscapeDataString(prefix)}&delimiter=/");
        Assert.Multiple(() =>
        {
            Assert.That(Keys(page), Is.EqualTo(new[] { "a", "c", "e" }.Select(k => prefix + k)));
            Assert.That(Prefixes(page), Is.EqualTo(new[] { "b/", "d/" }.Select(k => prefix + k)));
            Assert.That(page.Element(S3 + "KeyCount")!.Value, Is.EqualTo("5"));
            Assert.That(page.Element(S3 + "IsTruncated")!.Value, Is.EqualTo("false"));
        });
    }

    [Test]
    public async Task ContinuationTokensWalkEveryEntryOnceAcrossCommonPrefixes()
    {
        var prefix = await SeedAsync();
        var keys = new List<string>();
        var prefixes = new List<string>();
        string? token = null;
        for (var i = 0; i < 20; i++)
        {
            var query = $"prefix={Uri.EscapeDataString(prefix)}&delimiter=/&max-keys=2"
                + (token is null ? "" : $"&continuation-token={Uri.EscapeDataString(token)}");
            var page = await ListAsync(query);
            Assert.That(int.Parse(page.Element(S3 + "KeyCount")!.Value), Is.LessThanOrEqualTo(2));
            keys.AddRange(Keys(page));
            prefixes.AddRange(Prefixes(page));
            if (page.Element(S3 + "IsTruncated")!.Value != "true")
            {
                break;
            }

            token = page.Element(S3 + "NextContinuationToken")!.Value;
        }

        Assert.That(keys, Is.EqualTo(new[] { "a", "c", "e" }.Select(k => prefix + k)));
        Assert.That(prefixes, Is.EqualTo(new[] { "b/", "d/" }.Select(k => prefix + k)));
    }

    [Test]
    public async Task StartAfterAndMaxKeysAndFlatListing()
    {
        var prefix = await SeedAsync();
        var page = await ListAsync($"prefix={Uri.EscapeDataString(prefix)}&start-after={Uri.EscapeDataString(prefix + "b/1")}&max-keys=3");
        Assert.Multiple(() =>
        {
            Assert.That(Keys(page), Is.EqualTo(new[] { "b/2", "c", "d/x/1" }.Select(k => prefix + k)));
            Assert.That(page.Element(S3 + "IsTruncated")!.Value, Is.EqualTo("true"));
            Assert.That(page.Element(S3 + "MaxKeys")!.Value, Is.EqualTo("3"));
        });
        var capped = await ListAsync($"prefix={Uri.EscapeDataString(prefix)}&max-keys=5000");
        Assert.That(capped.Element(S3 + "MaxKeys")!.Value, Is.EqualTo("1000"));
        Assert.That(Keys(capped), Has.Length.EqualTo(7));
    }

    [Test]
    public async Task EncodingTypeUrlEncodesKeys()
    {
        var prefix = NewPrefix();
        await PutAsync(prefix + "a b+c", [1]);
        var page = await ListAsync($"prefix={Uri.EscapeDataString(prefix)}&encoding-type=url");
        Assert.That(Keys(page).Single(), Is.EqualTo(prefix + "a%20b%2Bc"));
    }

    [Test]
    public async Task BadParametersAreInvalidArgument()
    {
        var badToken = await SendAsync(Target.Admin, HttpMethod.Get, $"/{Target.Bucket}?list-type=2&continuation-token=%21%21");
        await AssertErrorAsync(badToken, HttpStatusCode.BadRequest, "InvalidArgument");
        var badMax = await SendAsync(Target.Admin, HttpMethod.Get, $"/{Target.Bucket}?list-type=2&max-keys=-1");
        await AssertErrorAsync(badMax, HttpStatusCode.BadRequest, "InvalidArgument");
    }
}
