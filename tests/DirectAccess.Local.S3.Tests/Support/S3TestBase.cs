using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Xml.Linq;

namespace DirectAccess.Local.S3.Tests.Support;

using DirectAccess.Local.S3.Tests;

/// <summary>Raw-HTTP helpers shared by the S3 tests; each test works under its own fresh key prefix.</summary>
public abstract class S3TestBase
{
    protected static readonly XNamespace S3 = "http://s3.amazonaws.com/doc/2006-03-01/";

    protected static S3TestTarget Target => SharedTarget.Target;

    /// <summary>A unique prefix for the current test (admin space).</summary>
    protected static string NewPrefix() => $"tests/{TestContext.CurrentContext.Test.MethodName}-{Guid.NewGuid():N}/";

    protected static byte[] RandomBytes(int length)
    {
        var data = new byte[length];
        Random.Shared.NextBytes(data);
        return data;
    }

    protected static string Md5Hex(byte[] data) => Convert.ToHexStringLower(MD5.HashData(data));

    protected static async Task<HttpResponseMessage> SendAsync(TestCredentials caller, HttpMethod method, string pathAndQuery,
        byte[]? body = null, IDictionary<string, string>? headers = null)
    {
        using var client = Target.Http(caller);
        var request = new HttpRequestMessage(method, pathAndQuery);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = null;
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) && request.Content is not null)
            {
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    protected static Task<HttpResponseMessage> PutAsync(string key, byte[] body, IDictionary<string, string>? headers = null,
        TestCredentials? caller = null) => SendAsync(caller ?? Target.Admin, HttpMethod.Put, Target.PathOf(key), body, headers);

    protected static Task<HttpResponseMessage> GetAsync(string key, IDictionary<string, string>? headers = null,
        TestCredentials? caller = null, string query = "") =>
        SendAsync(caller ?? Target.Admin, HttpMethod.Get, Target.PathOf(key) + query, null, headers);

    protected static async Task<XElement> XmlOf(HttpResponseMessage response) =>
        XElement.Parse(await response.Content.ReadAsStringAsync());

    /// <summary>Asserts an S3 XML error with <paramref name="status"/> and <paramref name="code"/>; returns the document.</summary>
    protected static async Task<XElement> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), text);
        var error = XElement.Parse(text);
        Assert.Multiple(() =>
        {
            Assert.That(error.Name.LocalName, Is.EqualTo("Error"));
            Assert.That(error.Element("Code")?.Value, Is.EqualTo(code), text);
            Assert.That(error.Element("RequestId")?.Value, Is.Not.Empty);
            Assert.That(error.Element("HostId")?.Value, Is.Not.Empty);
            Assert.That(response.Headers.GetValues("x-amz-request-id").Single(), Is.EqualTo(error.Element("RequestId")!.Value));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/xml"));
        });
        return error;
    }

    protected static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.First()
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? contentValues.First() : null;

    protected static string ETagOf(HttpResponseMessage response) => response.Headers.ETag?.Tag.Trim('"') ?? "";

    protected static MediaTypeHeaderValue Xml => new("application/xml");
}
