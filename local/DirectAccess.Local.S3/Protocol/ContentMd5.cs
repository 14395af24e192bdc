namespace DirectAccess.Local.S3.Protocol;

/// <summary>The <c>Content-MD5</c> request header (RFC 1864): Base64 of the body's 16-byte MD5.</summary>
public static class ContentMd5
{
    /// <summary>The decoded digest, or null when the header is absent.</summary>
    /// <exception cref="S3Exception">400 <c>InvalidDigest</c> when it is not Base64 of 16 bytes.</exception>
    public static byte[]? Parse(string? header)
    {
        if (header is null)
        {
            return null;
        }

        var digest = new byte[16];
        return Convert.TryFromBase64String(header.Trim(), digest, out var written) && written == 16
            ? digest
            : throw S3Errors.InvalidDigest();
    }
}
