using DirectAccess.Local.Security;

namespace DirectAccess.Local.Auth.Payload;

/// <summary>
/// The S3 errors a payload can fail with while it is read (S3 API reference, "Error responses"), as
/// <see cref="PayloadVerificationException"/>s the S3 handler renders.
/// </summary>
internal static class PayloadErrors
{
    /// <summary>The body ended before the declared length or before the final chunk.</summary>
    public static PayloadVerificationException IncompleteBody(Exception? cause = null) =>
        new("IncompleteBody", "You did not provide the number of bytes specified by the Content-Length HTTP header." +
            (cause is null ? "" : $" ({cause.Message})"));

    /// <summary>The body's SHA-256 is not the signed <c>x-amz-content-sha256</c>.</summary>
    public static PayloadVerificationException ContentSha256Mismatch() =>
        new("XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.");

    /// <summary>A chunk or trailer signature does not match.</summary>
    public static PayloadVerificationException SignatureMismatch(string what) =>
        new("SignatureDoesNotMatch", $"The request signature we calculated does not match the signature you provided. Check your key and signing method. ({what})");

    /// <summary>The <c>aws-chunked</c> framing is not well formed, or the payload is longer than declared.</summary>
    public static PayloadVerificationException InvalidFraming(string why) =>
        new("InvalidRequest", $"The aws-chunked payload is malformed: {why}.");

    /// <summary>Trailing headers missing, undeclared or malformed.</summary>
    public static PayloadVerificationException MalformedTrailer(string why) =>
        new("MalformedTrailerError", $"The request contained trailing data that was not well-formed or did not conform to our published schema. ({why})");
}
