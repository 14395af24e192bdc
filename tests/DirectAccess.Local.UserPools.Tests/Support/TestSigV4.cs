using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DirectAccess.Local.UserPools.Tests.Support;

/// <summary>
/// A minimal SigV4 signer for JSON 1.1 POSTs to <c>/</c> (AWS General Reference, "Signature Version 4 signing
/// process"), written here so admin calls can be signed without the AWS SDK's request pipeline.
/// </summary>
public static class TestSigV4
{
    public static void Sign(HttpRequestMessage request, byte[] body, string accessKey, string secretKey, string? sessionToken,
        string region = "us-east-1", string service = "cognito-idp", DateTime? now = null)
    {
        var time = now ?? DateTime.UtcNow;
        var amzDate = time.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = time.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var host = request.RequestUri!.Authority;
        var payloadHash = Hex(SHA256.HashData(body));
        var target = request.Headers.GetValues("X-Amz-Target").Single();

        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = "application/x-amz-json-1.1",
            ["host"] = host,
            ["x-amz-date"] = amzDate,
            ["x-amz-target"] = target,
        };
        if (sessionToken is not null)
        {
            headers["x-amz-security-token"] = sessionToken;
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonical = string.Join('\n', "POST", "/", "", string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n")), signedHeaders, payloadHash);
        var scope = $"{date}/{region}/{service}/aws4_request";
        var toSign = string.Join('\n', "AWS4-HMAC-SHA256", amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var signature = Hex(Hmac(key, toSign));

        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        if (sessionToken is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", sessionToken);
        }

        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={accessKey}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
