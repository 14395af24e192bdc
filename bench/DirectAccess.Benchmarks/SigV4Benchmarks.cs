using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using DirectAccess.Local.Auth;
using DirectAccess.Local.Auth.Iam;
using DirectAccess.Local.Model;
using DirectAccess.Local.Security;
using DirectAccess.Policies;
using DirectAccess.Policies.Templates;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace DirectAccess.Benchmarks;

/// <summary>
/// The local cloud's per-request security cost: SigV4 verification of a header-signed S3 PutObject (8 signed headers,
/// signing key already cached) followed by the IAM decision against the uploaders role (policies/roles/uploaders.json
/// with the access matrix's parameters). Issue 6 target: ≤ 30 µs median for both together.
/// Run: dotnet run -c Release --project bench/DirectAccess.Benchmarks -- --filter '*SigV4*'
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SigV4Benchmarks
{
    private const string Region = "us-east-1";
    private const string Host = "127.0.0.1:4566";

    private SigV4RequestAuthenticator _authenticator = null!;
    private IamAccessAuthorizer _authorizer = null!;
    private HttpRequest _putObject = null!;
    private HttpRequest _invoke = null!;
    private byte[] _invokeBody = null!;
    private string _objectArn = null!;
    private string _functionArn = null!;

    [GlobalSetup]
    public void Setup()
    {
        var matrix = AccessMatrix.Load(FindMatrix());
        var alice = matrix.Callers["alice"].IdentityId;
        var bucket = matrix.Parameters["UploadBucket"];
        var roleArn = "arn:aws:iam::000000000000:role/directaccess-uploaders";
        var role = new RoleModel("UploadersRole", "directaccess-uploaders", roleArn, matrix.LoadRolePolicy("uploaders"),
            [matrix.LoadRolePolicy("uploaders")], TimeSpan.FromHours(1));
        var caller = new CallerIdentity("ASIABENCHMARK0000001", "bench-secret", "bench-session-token", DateTimeOffset.UtcNow.AddHours(1),
            false, roleArn, "arn:aws:sts::000000000000:assumed-role/directaccess-uploaders/CognitoIdentityCredentials",
            "AROABENCH:CognitoIdentityCredentials", alice, matrix.Parameters["IdentityPool"],
            ["authenticated", "cognito-idp.us-east-1.amazonaws.com/us-east-1_DirAccess1"]);

        _authenticator = new SigV4RequestAuthenticator(new OneCaller(caller), Region);
        _authorizer = new IamAccessAuthorizer(new RolePolicies([role]), Region);
        _objectArn = $"arn:aws:s3:::{bucket}/private/{alice}/big.iso";
        _functionArn = $"arn:aws:lambda:us-east-1:000000000000:function:{matrix.Parameters["WhoAmIFunction"]}";

        _putObject = SignedRequest(caller, "s3", "PUT", $"/{bucket}/private/{alice}/big.iso", "UNSIGNED-PAYLOAD", []);
        _invokeBody = Encoding.UTF8.GetBytes("{\"message\":\"hello\",\"padding\":\"" + new string('x', 64) + "\"}");
        _invoke = SignedRequest(caller, "lambda", "POST", $"/2015-03-31/functions/{matrix.Parameters["WhoAmIFunction"]}/invocations",
            Convert.ToHexStringLower(SHA256.HashData(_invokeBody)), _invokeBody);

        if (!VerifyAndAuthorizePutObject() || !VerifyAndAuthorizeInvoke())
        {
            throw new InvalidOperationException("benchmark requests do not verify and authorize");
        }
    }

    /// <summary>S3 PutObject: header SigV4 (8 signed headers, streaming payload set up) plus the IAM decision.</summary>
    [Benchmark(Baseline = true)]
    public bool VerifyAndAuthorizePutObject()
    {
        var (result, payload) = _authenticator.AuthenticateStreaming(_putObject, "s3");
        payload?.Dispose();
        return result.Succeeded && _authorizer.Authorize(result.Caller!, "s3:PutObject", _objectArn, _putObject).Allowed;
    }

    /// <summary>Lambda Invoke: header SigV4 over a buffered 100-byte body plus the IAM decision.</summary>
    [Benchmark]
    public bool VerifyAndAuthorizeInvoke()
    {
        var result = _authenticator.Authenticate(_invoke, _invokeBody, "lambda");
        return result.Succeeded && _authorizer.Authorize(result.Caller!, "lambda:InvokeFunction", _functionArn, _invoke).Allowed;
    }

    /// <summary>SigV4 verification alone (PutObject).</summary>
    [Benchmark]
    public bool VerifyPutObjectOnly()
    {
        var (result, payload) = _authenticator.AuthenticateStreaming(_putObject, "s3");
        payload?.Dispose();
        return result.Succeeded;
    }

    /// <summary>A request signed the way an SDK would (independent of the verifier): 8 signed headers. The path has no
    /// characters to encode, so its canonical form is the same for S3 and for double-encoding services.</summary>
    private static HttpRequest SignedRequest(CallerIdentity caller, string service, string method, string path, string payloadHash, byte[] body)
    {
        var amzDate = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["amz-sdk-invocation-id"] = "0f3b7d0e-1c2a-4c55-9a47-5b1f6c3d2e10",
            ["content-length"] = body.Length.ToString(CultureInfo.InvariantCulture),
            ["content-type"] = "application/octet-stream",
            ["host"] = Host,
            ["x-amz-content-sha256"] = payloadHash,
            ["x-amz-date"] = amzDate,
            ["x-amz-meta-purpose"] = "benchmark",
            ["x-amz-security-token"] = caller.SessionToken!,
        };
        var signedHeaders = string.Join(';', headers.Keys);
        var canonical = $"{method}\n{path}\n\n{string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n"))}\n{signedHeaders}\n{payloadHash}";
        var scope = $"{amzDate[..8]}/{Region}/{service}/aws4_request";
        var key = Encoding.UTF8.GetBytes("AWS4" + caller.SecretAccessKey);
        foreach (var part in new[] { amzDate[..8], Region, service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        context.Request.Method = method;
        context.Request.Path = path;
        context.Features.Get<IHttpRequestFeature>()!.RawTarget = path;
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        context.Request.Headers.Authorization = $"AWS4-HMAC-SHA256 Credential={caller.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
        return context.Request;
    }

    private static string FindMatrix()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "policies", "access-matrix.json");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("policies/access-matrix.json not found above the benchmark folder");
    }

    /// <summary>A credential store holding one caller.</summary>
    private sealed class OneCaller(CallerIdentity caller) : ICredentialStore
    {
        public CallerIdentity? Find(string accessKeyId) => accessKeyId == caller.AccessKeyId ? caller : null;

        public CallerIdentity IssueRoleSession(string roleArn, string sessionName, TimeSpan lifetime, string? identityId,
            string? identityPoolId, IReadOnlyList<string> amr) => throw new NotSupportedException();
    }
}
