namespace DirectAccess.Local.Auth.SigV4;

/// <summary>
/// The values <c>x-amz-content-sha256</c> may take (S3 API reference, "Authenticating Requests: Using the Authorization
/// Header"): a hex SHA-256 of the body, <c>UNSIGNED-PAYLOAD</c>, or one of the three <c>aws-chunked</c> streaming modes.
/// </summary>
internal static class PayloadClaims
{
    /// <summary>True for a hex SHA-256 or a literal this verifier implements.</summary>
    public static bool IsKnown(string claim) =>
        claim is SigV4Names.UnsignedPayload or SigV4Names.StreamingSignedPayload or SigV4Names.StreamingSignedPayloadTrailer
            or SigV4Names.StreamingUnsignedPayloadTrailer || SignatureMath.IsHexSha256(claim);

    /// <summary>True for the <c>aws-chunked</c> modes.</summary>
    public static bool IsStreaming(string claim) =>
        claim is SigV4Names.StreamingSignedPayload or SigV4Names.StreamingSignedPayloadTrailer or SigV4Names.StreamingUnsignedPayloadTrailer;
}
