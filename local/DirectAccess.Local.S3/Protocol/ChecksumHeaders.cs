using DirectAccess.Checksums;
using DirectAccess.Local.S3.Model;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.S3.Protocol;

/// <summary>Response headers carrying a stored checksum: <c>x-amz-checksum-&lt;alg&gt;</c> and <c>x-amz-checksum-type</c>.</summary>
public static class ChecksumHeaders
{
    /// <summary>Sets the checksum headers when <paramref name="checksum"/> is not null.</summary>
    public static void Write(HttpResponse response, ObjectChecksum? checksum)
    {
        if (checksum is null)
        {
            return;
        }

        response.Headers[ChecksumAlgorithms.HeaderName(checksum.Algorithm)] = checksum.Value;
        response.Headers["x-amz-checksum-type"] = checksum.Type;
    }

    /// <summary>True when the request asks for checksums back (<c>x-amz-checksum-mode: ENABLED</c>).</summary>
    public static bool Requested(HttpRequest request) =>
        string.Equals(request.Headers["x-amz-checksum-mode"].ToString(), "ENABLED", StringComparison.OrdinalIgnoreCase);
}
