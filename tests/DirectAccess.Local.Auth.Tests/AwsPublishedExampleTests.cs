using System.Text;
using DirectAccess.Local.Auth.Tests.Support;
using DirectAccess.Local.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DirectAccess.Local.Auth.Tests;

/// <summary>
/// The signatures AWS publishes in its documentation, verified byte for byte: the General Reference's IAM
/// <c>ListUsers</c> example and the S3 API reference's signed chunked upload (66,560 bytes of 'a' in 64 KiB + 1 KiB chunks).
/// A pass means our canonicalization matches AWS, not merely our own test signer.
/// </summary>
public sealed class AwsPublishedExampleTests
{
    private static readonly CallerIdentity IamExampleKey = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        null, null, false, null, "arn:aws:iam::000000000000:user/example", "AIDAEXAMPLE", null, null, []);

    private static readonly CallerIdentity S3ExampleKey = new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        null, null, false, null, "arn:aws:iam::000000000000:user/example", "AIDAEXAMPLE", null, null, []);

    private static HttpRequest Request(string method, string rawTarget, IDictionary<string, string> headers, byte[] body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        var question = rawTarget.IndexOf('?');
        context.Request.Path = question < 0 ? rawTarget : rawTarget[..question];
        context.Request.QueryString = question < 0 ? QueryString.Empty : new QueryString(rawTarget[question..]);
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = rawTarget;
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        context.Request.Body = new MemoryStream(body);
        return context.Request;
    }

    [Test]
    public void The_General_Reference_IAM_ListUsers_example_verifies()
    {
        var authenticator = new SigV4RequestAuthenticator(new FixedCredentialStore([IamExampleKey]), "us-east-1",
            new FixedClock(new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero)));
        var request = Request("GET", "/?Action=ListUsers&Version=2010-05-08", new Dictionary<string, string>
        {
            ["Host"] = "iam.amazonaws.com",
            ["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8",
            ["X-Amz-Date"] = "20150830T123600Z",
            ["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, " +
                "SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
        }, []);
        var result = authenticator.Authenticate(request, [], "iam");
        Assert.That((result.Succeeded, result.ErrorCode), Is.EqualTo((true, (string?)null)));
    }

    [Test]
    public void The_General_Reference_example_with_one_query_value_changed_fails()
    {
        var authenticator = new SigV4RequestAuthenticator(new FixedCredentialStore([IamExampleKey]), "us-east-1",
            new FixedClock(new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero)));
        var request = Request("GET", "/?Action=ListRoles&Version=2010-05-08", new Dictionary<string, string>
        {
            ["Host"] = "iam.amazonaws.com",
            ["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8",
            ["X-Amz-Date"] = "20150830T123600Z",
            ["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, " +
                "SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
        }, []);
        Assert.That(authenticator.Authenticate(request, [], "iam").ErrorCode, Is.EqualTo("InvalidSignatureException"));
    }

    private static byte[] ChunkedExampleBody(bool corruptSecondChunk)
    {
        var body = new MemoryStream();
        foreach (var (size, signature) in new[]
                 {
                     (65536, "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648"),
                     (1024, "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497"),
                     (0, "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9"),
                 })
        {
            body.Write(Encoding.ASCII.GetBytes($"{size:x};chunk-signature={signature}\r\n"));
            var data = Enumerable.Repeat((byte)'a', size).ToArray();
            if (corruptSecondChunk && size == 1024)
            {
                data[10] = (byte)'b';
            }

            body.Write(data);
            body.Write("\r\n"u8);
        }

        return body.ToArray();
    }

    private static HttpRequest ChunkedExampleRequest(byte[] body) => Request("PUT", "/examplebucket/chunkObject.txt", new Dictionary<string, string>
    {
        ["Host"] = "s3.amazonaws.com",
        ["x-amz-date"] = "20130524T000000Z",
        ["x-amz-storage-class"] = "REDUCED_REDUNDANCY",
        ["x-amz-content-sha256"] = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
        ["Content-Encoding"] = "aws-chunked",
        ["x-amz-decoded-content-length"] = "66560",
        ["Content-Length"] = body.Length.ToString(),
        ["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, " +
            "SignedHeaders=content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class, " +
            "Signature=4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9",
    }, body);

    private static SigV4RequestAuthenticator S3ExampleAuthenticator() => new(new FixedCredentialStore([S3ExampleKey]), "us-east-1",
        new FixedClock(new DateTimeOffset(2013, 5, 24, 0, 0, 0, TimeSpan.Zero)));

    [Test]
    public async Task The_S3_signed_chunked_upload_example_verifies_and_decodes()
    {
        var body = ChunkedExampleBody(corruptSecondChunk: false);
        Assert.That(body, Has.Length.EqualTo(66824), "the documented Content-Length");
        var (result, payload) = S3ExampleAuthenticator().AuthenticateStreaming(ChunkedExampleRequest(body), "s3");
        Assert.That(result.Succeeded, Is.True, result.ErrorMessage);
        var decoded = new MemoryStream();
        await payload!.CopyToAsync(decoded, 1000);
        Assert.That(decoded.ToArray(), Is.EqualTo(Enumerable.Repeat((byte)'a', 66560).ToArray()));
    }

    [Test]
    public void The_S3_chunked_example_with_one_byte_changed_fails_at_that_chunk()
    {
        var (result, payload) = S3ExampleAuthenticator().AuthenticateStreaming(ChunkedExampleRequest(ChunkedExampleBody(corruptSecondChunk: true)), "s3");
        Assert.That(result.Succeeded, Is.True, "the headers are intact; only the data is not");
        var error = Assert.ThrowsAsync<PayloadVerificationException>(() => payload!.CopyToAsync(Stream.Null));
        Assert.That(error!.ErrorCode, Is.EqualTo("SignatureDoesNotMatch"));
    }
}
