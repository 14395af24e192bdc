using DirectAccess.Local.Security;

namespace DirectAccess.Local.Auth.Errors;

/// <summary>
/// Turns a <see cref="SigV4Failure"/> into the error the called service itself returns (code, HTTP status, message).
/// Each service handler renders the code and message in its own wire format (S3 XML, JSON <c>__type</c>, Query XML).
/// </summary>
/// <remarks>
/// Mapping, from the S3 API reference ("Error responses", "Authenticating requests"), the Lambda and Cognito API
/// references ("Common errors") and the STS API reference ("Common errors"); where AWS documents no code for a case the
/// choice is the nearest documented one, and the table is the record of it:
/// <code>
/// failure                 | s3                                   | lambda / cognito-idp / cognito-identity (other)   | sts
/// ------------------------+--------------------------------------+---------------------------------------------------+------------------------------
/// MissingAuthentication   | 403 AccessDenied                     | 403 MissingAuthenticationTokenException           | 403 MissingAuthenticationToken
/// MultipleAuthentication… | 400 InvalidArgument                  | 400 IncompleteSignatureException                  | 400 IncompleteSignature
/// UnsupportedAlgorithm    | 400 InvalidRequest (SigV2 too)       | 400 IncompleteSignatureException                  | 400 IncompleteSignature
/// MalformedAuthorization  | 400 AuthorizationHeaderMalformed     | 400 IncompleteSignatureException                  | 400 IncompleteSignature
/// MalformedQuery          | 400 AuthorizationQueryParametersError| 400 IncompleteSignatureException                  | 400 IncompleteSignature
/// ExpiresTooLong          | 400 AuthorizationQueryParametersError| 400 IncompleteSignatureException                  | 400 IncompleteSignature
/// ScopeDate/Region/Service| 400 AuthorizationHeaderMalformed (header) / AuthorizationQueryParametersError (presigned)
///                         |                                      | 403 InvalidSignatureException                     | 403 SignatureDoesNotMatch
/// TimeTooSkewed (15 / 5m) | 403 RequestTimeTooSkewed             | 403 InvalidSignatureException "Signature expired" | 403 SignatureDoesNotMatch
/// PresignedExpired        | 403 AccessDenied "Request has expired"| 403 InvalidSignatureException                    | 403 SignatureDoesNotMatch
/// PresignedNotYetValid    | 403 AccessDenied                     | 403 InvalidSignatureException                     | 403 SignatureDoesNotMatch
/// UnknownAccessKey        | 403 InvalidAccessKeyId               | 403 UnrecognizedClientException                   | 403 InvalidClientTokenId
/// MissingSessionToken     | 403 InvalidAccessKeyId               | 403 UnrecognizedClientException                   | 403 InvalidClientTokenId
/// InvalidSessionToken     | 400 InvalidToken                     | 403 UnrecognizedClientException                   | 403 InvalidClientTokenId
/// ExpiredCredentials      | 400 ExpiredToken                     | 403 ExpiredTokenException                         | 400 ExpiredToken
/// SignatureMismatch       | 403 SignatureDoesNotMatch            | 403 InvalidSignatureException                     | 403 SignatureDoesNotMatch
/// MissingContentSha256    | 400 InvalidRequest                   | (not required)                                    | (not required)
/// InvalidContentSha256    | 400 InvalidArgument                  | 403 InvalidSignatureException                     | 403 SignatureDoesNotMatch
/// ContentSha256Mismatch   | 400 XAmzContentSHA256Mismatch        | 403 InvalidSignatureException                     | 403 SignatureDoesNotMatch
/// InvalidPayloadFraming   | 400 InvalidArgument                  | 403 InvalidSignatureException                     | 403 SignatureDoesNotMatch
/// </code>
/// S3 answers Signature Version 2 (header or <c>AWSAccessKeyId</c>/<c>Signature</c> query, as <c>aws s3 presign</c> of CLI v1
/// makes without <c>s3.signature_version = s3v4</c>) the way SigV4-only regions do: <c>InvalidRequest</c>, "Please use
/// AWS4-HMAC-SHA256". Lambda and the JSON 1.1 services report a bad signature as <c>InvalidSignatureException</c> (that is what they
/// return on AWS); STS uses the Query-protocol names. Services other than these four get the Lambda column.
/// </remarks>
internal static class ServiceErrorCatalog
{
    private const string SignatureMismatchMessage =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private const string S3SignatureMismatchMessage =
        "The request signature we calculated does not match the signature you provided. Check your key and signing method.";

    private const string InvalidTokenMessage = "The security token included in the request is invalid.";

    /// <summary>The error <paramref name="service"/> returns for <paramref name="failure"/>.</summary>
    /// <param name="failure">What failed.</param>
    /// <param name="service">Signing name of the service called (<c>s3</c>, <c>lambda</c>, <c>sts</c>, <c>cognito-idp</c>, ...).</param>
    /// <param name="detail">The case-specific part of the message (e.g. <c>the region 'eu-west-1' is wrong; expecting 'us-east-1'</c>).</param>
    /// <param name="presigned">True for query-string authentication (S3 reports scope errors differently then).</param>
    public static AuthenticationResult ToResult(SigV4Failure failure, string service, string detail, bool presigned = false) => service switch
    {
        "s3" => ForS3(failure, detail, presigned),
        "sts" => ForSts(failure, detail),
        _ => ForJsonService(failure, detail),
    };

    /// <summary>The error for <paramref name="failure"/>, from the exception that reported it.</summary>
    public static AuthenticationResult ToResult(SigV4Exception failure, string service) =>
        ToResult(failure.Failure, service, failure.Detail, failure.Presigned);

    private static AuthenticationResult ForS3(SigV4Failure failure, string detail, bool presigned) => failure switch
    {
        SigV4Failure.MissingAuthentication => Fail(403, "AccessDenied", "Access Denied"),
        SigV4Failure.UnsupportedAlgorithm => Fail(400, "InvalidRequest", "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256."),
        SigV4Failure.MalformedAuthorization => Fail(400, "AuthorizationHeaderMalformed", $"The authorization header is malformed; {detail}"),
        SigV4Failure.MalformedQuery or SigV4Failure.ExpiresTooLong => Fail(400, "AuthorizationQueryParametersError", detail),
        SigV4Failure.MultipleAuthenticationMethods => Fail(400, "InvalidArgument", detail),
        SigV4Failure.ScopeDateMismatch or SigV4Failure.ScopeRegionMismatch or SigV4Failure.ScopeServiceMismatch =>
            presigned
                ? Fail(400, "AuthorizationQueryParametersError", detail)
                : Fail(400, "AuthorizationHeaderMalformed", $"The authorization header is malformed; {detail}"),
        SigV4Failure.TimeTooSkewed => Fail(403, "RequestTimeTooSkewed", "The difference between the request time and the current time is too large."),
        SigV4Failure.PresignedExpired => Fail(403, "AccessDenied", "Request has expired"),
        SigV4Failure.PresignedNotYetValid => Fail(403, "AccessDenied", "Request is not valid yet"),
        SigV4Failure.UnknownAccessKey or SigV4Failure.MissingSessionToken =>
            Fail(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records."),
        SigV4Failure.InvalidSessionToken => Fail(400, "InvalidToken", "The provided token is malformed or otherwise invalid."),
        SigV4Failure.ExpiredCredentials => Fail(400, "ExpiredToken", "The provided token has expired."),
        SigV4Failure.SignatureMismatch => Fail(403, "SignatureDoesNotMatch", S3SignatureMismatchMessage),
        SigV4Failure.MissingContentSha256 => Fail(400, "InvalidRequest", "Missing required header for this request: x-amz-content-sha256"),
        SigV4Failure.InvalidContentSha256 => Fail(400, "InvalidArgument",
            "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER or a valid sha256 value."),
        SigV4Failure.ContentSha256Mismatch => Fail(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed."),
        SigV4Failure.InvalidPayloadFraming => Fail(400, "InvalidArgument", detail),
        _ => Fail(403, "AccessDenied", "Access Denied"),
    };

    private static AuthenticationResult ForJsonService(SigV4Failure failure, string detail) => failure switch
    {
        SigV4Failure.MissingAuthentication => Fail(403, "MissingAuthenticationTokenException", "Missing Authentication Token"),
        SigV4Failure.UnsupportedAlgorithm or SigV4Failure.MalformedAuthorization or SigV4Failure.MalformedQuery or SigV4Failure.ExpiresTooLong
            or SigV4Failure.MultipleAuthenticationMethods => Fail(400, "IncompleteSignatureException", detail),
        SigV4Failure.UnknownAccessKey or SigV4Failure.MissingSessionToken or SigV4Failure.InvalidSessionToken =>
            Fail(403, "UnrecognizedClientException", InvalidTokenMessage),
        SigV4Failure.ExpiredCredentials => Fail(403, "ExpiredTokenException", "The security token included in the request is expired"),
        SigV4Failure.SignatureMismatch or SigV4Failure.InvalidContentSha256 or SigV4Failure.ContentSha256Mismatch =>
            Fail(403, "InvalidSignatureException", SignatureMismatchMessage),
        _ => Fail(403, "InvalidSignatureException", detail),
    };

    private static AuthenticationResult ForSts(SigV4Failure failure, string detail) => failure switch
    {
        SigV4Failure.MissingAuthentication => Fail(403, "MissingAuthenticationToken", "Request is missing Authentication Token"),
        SigV4Failure.UnsupportedAlgorithm or SigV4Failure.MalformedAuthorization or SigV4Failure.MalformedQuery or SigV4Failure.ExpiresTooLong
            or SigV4Failure.MultipleAuthenticationMethods => Fail(400, "IncompleteSignature", detail),
        SigV4Failure.UnknownAccessKey or SigV4Failure.MissingSessionToken or SigV4Failure.InvalidSessionToken =>
            Fail(403, "InvalidClientTokenId", InvalidTokenMessage),
        SigV4Failure.ExpiredCredentials => Fail(400, "ExpiredToken", "The security token included in the request is expired"),
        SigV4Failure.SignatureMismatch or SigV4Failure.InvalidContentSha256 or SigV4Failure.ContentSha256Mismatch =>
            Fail(403, "SignatureDoesNotMatch", SignatureMismatchMessage),
        _ => Fail(403, "SignatureDoesNotMatch", detail),
    };

    private static AuthenticationResult Fail(int status, string code, string message) => AuthenticationResult.Fail(status, code, message);
}
