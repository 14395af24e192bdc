using System.Globalization;
using System.Security.Cryptography;

namespace DirectAccess.Local.Lambda.Invocation;

/// <summary>Request ids and X-Ray trace headers in the formats Lambda uses.</summary>
public static class InvocationIds
{
    /// <summary>A new request id: a lower-case GUID with dashes.</summary>
    public static string NewRequestId() => Guid.NewGuid().ToString("D");

    /// <summary>
    /// A new <c>Lambda-Runtime-Trace-Id</c> value: <c>Root=1-&lt;8 hex epoch seconds&gt;-&lt;24 hex&gt;;Parent=&lt;16 hex&gt;;Sampled=0</c>
    /// (AWS X-Ray developer guide, "Tracing header").
    /// </summary>
    public static string NewTraceId(DateTimeOffset now)
    {
        Span<byte> random = stackalloc byte[20];
        RandomNumberGenerator.Fill(random);
        var epoch = now.ToUnixTimeSeconds().ToString("x8", CultureInfo.InvariantCulture);
        return $"Root=1-{epoch}-{Convert.ToHexStringLower(random[..12])};Parent={Convert.ToHexStringLower(random[12..])};Sampled=0";
    }
}
