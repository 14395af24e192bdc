namespace DirectAccess.Local.Auth.Errors;

/// <summary>Why a request failed SigV4 authentication; <see cref="ServiceErrorCatalog"/> turns it into each service's code.</summary>
internal enum SigV4Failure
{
    /// <summary>Neither an <c>Authorization</c> header nor presigned query parameters.</summary>
    MissingAuthentication,

    /// <summary>Both an <c>Authorization</c> header and presigned query parameters.</summary>
    MultipleAuthenticationMethods,

    /// <summary>An algorithm other than <c>AWS4-HMAC-SHA256</c> (SigV2, SigV4a, ...).</summary>
    UnsupportedAlgorithm,

    /// <summary>The <c>Authorization</c> header cannot be parsed, lacks a date, or does not sign <c>host</c>.</summary>
    MalformedAuthorization,

    /// <summary>Presigned query parameters missing, repeated or unparsable.</summary>
    MalformedQuery,

    /// <summary><c>X-Amz-Expires</c> above 604800 seconds.</summary>
    ExpiresTooLong,

    /// <summary>The scope's date is not the request date.</summary>
    ScopeDateMismatch,

    /// <summary>The scope's region is not the cloud's region.</summary>
    ScopeRegionMismatch,

    /// <summary>The scope's service is not the service called.</summary>
    ScopeServiceMismatch,

    /// <summary>The request time differs from now by more than the service's limit.</summary>
    TimeTooSkewed,

    /// <summary>A presigned URL used after <c>X-Amz-Date + X-Amz-Expires</c>.</summary>
    PresignedExpired,

    /// <summary>A presigned URL whose <c>X-Amz-Date</c> is beyond the skew limit in the future.</summary>
    PresignedNotYetValid,

    /// <summary>The access key id is not known.</summary>
    UnknownAccessKey,

    /// <summary>Temporary credentials used without their session token.</summary>
    MissingSessionToken,

    /// <summary>A session token that is not the one issued with the key (or one sent with a long-term key).</summary>
    InvalidSessionToken,

    /// <summary>The credentials' expiration has passed.</summary>
    ExpiredCredentials,

    /// <summary>The signature does not match (or a non-S3 body does not match its signed hash).</summary>
    SignatureMismatch,

    /// <summary>S3 header authentication without <c>x-amz-content-sha256</c>.</summary>
    MissingContentSha256,

    /// <summary>An <c>x-amz-content-sha256</c> that is neither a hex SHA-256 nor a known literal.</summary>
    InvalidContentSha256,

    /// <summary>The body's SHA-256 is not the <c>x-amz-content-sha256</c> claimed.</summary>
    ContentSha256Mismatch,

    /// <summary>Streaming framing headers that cannot be honoured (a bad <c>x-amz-decoded-content-length</c>, or an
    /// <c>aws-chunked</c> payload offered where the body is already buffered).</summary>
    InvalidPayloadFraming,
}
