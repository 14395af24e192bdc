namespace DirectAccess.Local.Auth.SigV4;

/// <summary>
/// The fixed strings of Signature Version 4 (AWS General Reference, "Signature Version 4 signing process", and the S3 API
/// reference, "Authenticating requests (AWS Signature Version 4)"). Header names are lower-case as they appear in a
/// canonical request.
/// </summary>
internal static class SigV4Names
{
    public const string Algorithm = "AWS4-HMAC-SHA256";
    public const string ScopeTerminator = "aws4_request";
    public const string ChunkAlgorithm = "AWS4-HMAC-SHA256-PAYLOAD";
    public const string TrailerAlgorithm = "AWS4-HMAC-SHA256-TRAILER";

    public const string AmzDateHeader = "x-amz-date";
    public const string ContentSha256Header = "x-amz-content-sha256";
    public const string SecurityTokenHeader = "x-amz-security-token";
    public const string DecodedContentLengthHeader = "x-amz-decoded-content-length";
    public const string TrailerHeader = "x-amz-trailer";
    public const string TrailerSignatureName = "x-amz-trailer-signature";

    public const string QueryAlgorithm = "X-Amz-Algorithm";
    public const string QueryCredential = "X-Amz-Credential";
    public const string QueryDate = "X-Amz-Date";
    public const string QueryExpires = "X-Amz-Expires";
    public const string QuerySignedHeaders = "X-Amz-SignedHeaders";
    public const string QuerySignature = "X-Amz-Signature";
    public const string QuerySecurityToken = "X-Amz-Security-Token";

    /// <summary>Longest presigned URL lifetime S3 accepts: 7 days in seconds.</summary>
    public const int MaxPresignedExpirySeconds = 604800;

    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";
    public const string StreamingSignedPayload = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    public const string StreamingSignedPayloadTrailer = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    public const string StreamingUnsignedPayloadTrailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

    /// <summary>Hex SHA-256 of zero bytes; part of every chunk's string to sign.</summary>
    public const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>Signing name of Amazon S3, whose canonical URI is not normalized or double-encoded.</summary>
    public const string S3Service = "s3";
}
