using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DirectAccess.Local.Auth.Tests.Support;

namespace DirectAccess.Local.Auth.Tests;

/// <summary>
/// Requests signed by botocore (Python) and sent by the AWS CLI must verify: a second implementation of SigV4 that
/// shares nothing with ours or with the .NET SDK. Skipped (ignored) when python3/botocore or aws is missing.
/// </summary>
public sealed class OutsideSignerTests
{
    private AuthTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await AuthTestHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    /// <summary>Signs one request with botocore's SigV4Auth and prints the headers it added as JSON.</summary>
    private const string SignScript = """
        import json, sys, base64
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
        a = json.loads(sys.stdin.read())
        r = AWSRequest(method=a['method'], url=a['url'], data=base64.b64decode(a['body']), headers=a.get('headers', {}))
        SigV4Auth(Credentials(a['key'], a['secret'], a.get('token')), a['service'], a['region']).add_auth(r)
        print(json.dumps(dict(r.headers.items())))
        """;

    private const string PresignScript = """
        import json, sys
        import botocore.session
        from botocore.config import Config
        a = json.loads(sys.stdin.read())
        s3 = botocore.session.get_session().create_client('s3', region_name='us-east-1', endpoint_url=a['endpoint'],
            aws_access_key_id=a['key'], aws_secret_access_key=a['secret'], aws_session_token=a.get('token'),
            config=Config(signature_version='s3v4', s3={'addressing_style': 'path'}))
        print(s3.generate_presigned_url('get_object', Params={'Bucket': 'bucket', 'Key': a['objectKey']}, ExpiresIn=300))
        """;

    private static async Task<string> PythonAsync(string script, object arguments)
    {
        var (exit, stdout, stderr) = await OutsideProcess.RunAsync("python3", ["-c", script], stdin: JsonSerializer.Serialize(arguments));
        if (exit != 0 && stderr.Contains("No module named 'botocore'"))
        {
            Assert.Ignore("botocore is not installed; this check needs it.");
        }

        Assert.That(exit, Is.Zero, stderr);
        return stdout.Trim();
    }

    private async Task<(int Status, string? Code, string? Message)> SendBotocoreSignedAsync(string service, string path, byte[] body)
    {
        var url = new Uri(_host.Endpoint, path);
        var json = await PythonAsync(SignScript, new Dictionary<string, object?>
        {
            ["method"] = "POST", ["url"] = url.ToString(), ["body"] = Convert.ToBase64String(body), ["service"] = service,
            ["region"] = TestKeys.Region, ["key"] = TestKeys.Temporary.AccessKeyId, ["secret"] = TestKeys.Temporary.SecretAccessKey,
            ["token"] = TestKeys.Temporary.SessionToken,
            ["headers"] = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(json)!)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var http = new HttpClient();
        using var response = await http.SendAsync(request);
        return await HostResponses.ReadAsync(response);
    }

    [Test]
    public async Task A_botocore_signed_Lambda_Invoke_with_an_ARN_and_a_qualifier_verifies()
    {
        var path = "/_svc/lambda/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3AWhoAmI/invocations?Qualifier=%24LATEST";
        Assert.That(await SendBotocoreSignedAsync("lambda", path, Encoding.UTF8.GetBytes("{\"x\":1}")), Is.EqualTo((200, (string?)null, (string?)null)));
    }

    [Test]
    public async Task A_botocore_signed_JSON_1_1_call_verifies()
    {
        Assert.That((await SendBotocoreSignedAsync("cognito-idp", "/_svc/cognito-idp/", Encoding.UTF8.GetBytes("{\"UserPoolId\":\"p\"}"))).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task A_botocore_presigned_S3_URL_verifies()
    {
        var url = await PythonAsync(PresignScript, new Dictionary<string, string?>
        {
            ["endpoint"] = _host.Endpoint.ToString().TrimEnd('/'), ["key"] = TestKeys.Temporary.AccessKeyId,
            ["secret"] = TestKeys.Temporary.SecretAccessKey, ["token"] = TestKeys.Temporary.SessionToken, ["objectKey"] = "private/a b/ü~(1).txt",
        });
        using var http = new HttpClient();
        using var response = await http.GetAsync(url);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }

    private Dictionary<string, string> CliEnvironment() => new()
    {
        ["AWS_ACCESS_KEY_ID"] = TestKeys.Temporary.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = TestKeys.Temporary.SecretAccessKey,
        ["AWS_SESSION_TOKEN"] = TestKeys.Temporary.SessionToken!,
        ["AWS_DEFAULT_REGION"] = TestKeys.Region,
        ["AWS_CONFIG_FILE"] = "/dev/null",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
        ["AWS_MAX_ATTEMPTS"] = "1",
    };

    [Test]
    public async Task The_AWS_CLI_put_object_verifies_and_its_body_arrives_intact()
    {
        var file = Path.GetTempFileName();
        try
        {
            var data = RandomNumberGenerator.GetBytes(1_500_000);
            await File.WriteAllBytesAsync(file, data);
            var (exit, _, stderr) = await OutsideProcess.RunAsync("aws",
                ["s3api", "put-object", "--endpoint-url", _host.Endpoint.ToString(), "--bucket", "bucket", "--key", "private/cli/data.bin", "--body", file],
                CliEnvironment());
            Assert.That(exit, Is.Zero, stderr);
            var seen = _host.Observations.Last();
            TestContext.Out.WriteLine($"aws CLI payload mode: {seen.PayloadMode}; trailers: {string.Join(",", seen.Trailers.Keys)}");
            Assert.That((seen.Length, seen.Sha256), Is.EqualTo(((long)data.Length, TestSigner.Hex(SHA256.HashData(data)))));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task The_AWS_CLI_lambda_invoke_verifies()
    {
        var output = Path.GetTempFileName();
        try
        {
            var (exit, _, stderr) = await OutsideProcess.RunAsync("aws",
                ["lambda", "invoke", "--endpoint-url", _host.Endpoint.ToString(), "--function-name", "directaccess-WhoAmI",
                 "--payload", "{\"hello\":\"world\"}", output],
                CliEnvironment());
            Assert.That(exit, Is.Zero, stderr);
            Assert.That(_host.BufferedResults.Last(), Is.EqualTo(("lambda", (string?)null)));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Test]
    public async Task The_AWS_CLI_with_a_wrong_secret_is_refused_with_SignatureDoesNotMatch()
    {
        var environment = CliEnvironment();
        environment["AWS_SECRET_ACCESS_KEY"] = "not-the-secret";
        var (exit, _, stderr) = await OutsideProcess.RunAsync("aws",
            ["s3api", "put-object", "--endpoint-url", _host.Endpoint.ToString(), "--bucket", "bucket", "--key", "k", "--body", "/etc/hostname"],
            environment);
        Assert.That(exit, Is.Not.Zero);
        Assert.That(stderr, Does.Contain("SignatureDoesNotMatch"));
    }
}
