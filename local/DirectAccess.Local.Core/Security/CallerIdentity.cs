namespace DirectAccess.Local.Security;

/// <summary>
/// Temporary or long-term credentials the local cloud issued or knows, with everything IAM needs about the caller.
/// </summary>
/// <param name="AccessKeyId"><c>ASIA…</c> for temporary credentials, <c>AKIA…</c> for long-term ones.</param>
/// <param name="SecretAccessKey">The secret used to verify SigV4 signatures.</param>
/// <param name="SessionToken">Required on every request signed with temporary credentials; null for long-term.</param>
/// <param name="Expiration">UTC instant after which requests fail with <c>ExpiredToken</c>; null = never.</param>
/// <param name="IsAdministrator">True for the local admin key: every action allowed, like the account root.</param>
/// <param name="RoleArn">The assumed role (null for the admin).</param>
/// <param name="CallerArn"><c>arn:aws:sts::&lt;acct&gt;:assumed-role/&lt;RoleName&gt;/&lt;session&gt;</c>, or the admin's ARN.</param>
/// <param name="UserId"><c>aws:userid</c>: <c>&lt;RoleId&gt;:&lt;session&gt;</c>.</param>
/// <param name="IdentityId">Cognito identity id (<c>&lt;region&gt;:&lt;guid&gt;</c>) when issued by the identity pool.</param>
/// <param name="IdentityPoolId">Cognito identity pool id when issued by the identity pool.</param>
/// <param name="Amr"><c>cognito-identity.amazonaws.com:amr</c> values (e.g. <c>authenticated</c>, provider, provider:CognitoSignIn:sub).</param>
public sealed record CallerIdentity(
    string AccessKeyId,
    string SecretAccessKey,
    string? SessionToken,
    DateTimeOffset? Expiration,
    bool IsAdministrator,
    string? RoleArn,
    string CallerArn,
    string UserId,
    string? IdentityId,
    string? IdentityPoolId,
    IReadOnlyList<string> Amr);

/// <summary>Issues and looks up credentials. Durable: issued credentials survive a restart until they expire.</summary>
public interface ICredentialStore
{
    /// <summary>The caller for <paramref name="accessKeyId"/>, or null when unknown (→ <c>InvalidAccessKeyId</c>).</summary>
    CallerIdentity? Find(string accessKeyId);

    /// <summary>Issues new temporary credentials (<c>ASIA…</c> key, secret, session token) for a role session.</summary>
    /// <param name="roleArn">The role assumed.</param>
    /// <param name="sessionName">Role session name (identity pool: <c>CognitoIdentityCredentials</c>).</param>
    /// <param name="lifetime">How long they are valid.</param>
    /// <param name="identityId">Cognito identity id, when issued for an identity.</param>
    /// <param name="identityPoolId">Cognito identity pool id, when issued for an identity.</param>
    /// <param name="amr">The identity's <c>amr</c> values; empty when not a web identity.</param>
    CallerIdentity IssueRoleSession(string roleArn, string sessionName, TimeSpan lifetime,
        string? identityId, string? identityPoolId, IReadOnlyList<string> amr);
}

/// <summary>The result of authenticating a request: the caller, or an AWS error to return as-is.</summary>
public sealed record AuthenticationResult(CallerIdentity? Caller, int StatusCode, string? ErrorCode, string? ErrorMessage)
{
    /// <summary>True when the signature verified and the caller is known and unexpired.</summary>
    public bool Succeeded => Caller is not null;

    /// <summary>A success.</summary>
    public static AuthenticationResult Success(CallerIdentity caller) => new(caller, 200, null, null);

    /// <summary>A failure with the service's own error code (e.g. <c>SignatureDoesNotMatch</c>).</summary>
    public static AuthenticationResult Fail(int status, string code, string message) => new(null, status, code, message);
}

/// <summary>
/// SigV4 verification (AWS General Reference, "Signature Version 4"): the <c>Authorization</c> header or presigned
/// query, credential scope (date, region, service), session token, credential expiry and clock skew, with each failure
/// reported in the service's own error code.
/// </summary>
public interface IRequestAuthenticator
{
    /// <summary>
    /// Verifies a request whose body is small and fully buffered (JSON 1.1, Query, REST-JSON services).
    /// <paramref name="service"/> is the signing name (<c>cognito-idp</c>, <c>sts</c>, <c>lambda</c>, ...) that the
    /// credential scope must name; the body's SHA-256 must match what was signed.
    /// </summary>
    AuthenticationResult Authenticate(Microsoft.AspNetCore.Http.HttpRequest request, ReadOnlySpan<byte> body, string service);

    /// <summary>
    /// Verifies an S3 request's signature over its headers and returns the payload as a stream that verifies as it
    /// is read: a hex <c>x-amz-content-sha256</c> is checked at end of stream; <c>STREAMING-AWS4-HMAC-SHA256-PAYLOAD</c>
    /// chunk signatures are checked per chunk; <c>STREAMING-UNSIGNED-PAYLOAD-TRAILER</c> (and the signed-trailer
    /// variant) are decoded and their trailing headers exposed; <c>UNSIGNED-PAYLOAD</c> passes through. A mismatch
    /// makes the stream throw <see cref="PayloadVerificationException"/> so the caller can discard what it wrote.
    /// </summary>
    StreamingAuthenticationResult AuthenticateStreaming(Microsoft.AspNetCore.Http.HttpRequest request, string service);
}

/// <summary>The outcome of <see cref="IRequestAuthenticator.AuthenticateStreaming"/>.</summary>
/// <param name="Result">Caller or error.</param>
/// <param name="Payload">The decoded, verifying payload stream (null on failure). Read it to the end.</param>
public sealed record StreamingAuthenticationResult(AuthenticationResult Result, VerifyingPayloadStream? Payload);

/// <summary>
/// A request payload that verifies itself while read (see <see cref="IRequestAuthenticator.AuthenticateStreaming"/>).
/// After end of stream, <see cref="Trailers"/> holds any trailing headers (e.g. <c>x-amz-checksum-crc32</c>).
/// </summary>
public abstract class VerifyingPayloadStream : Stream
{
    /// <summary>Trailing headers received after the last chunk (lower-case names); empty until end of stream.</summary>
    public abstract IReadOnlyDictionary<string, string> Trailers { get; }

    /// <summary>Decoded payload length in bytes when known up front (<c>x-amz-decoded-content-length</c> or Content-Length), else null.</summary>
    public abstract long? DecodedLength { get; }
}

/// <summary>The payload did not match what was signed or declared; carries the S3 error code (e.g.
/// <c>SignatureDoesNotMatch</c>, <c>XAmzContentSHA256Mismatch</c>, <c>IncompleteBody</c>).</summary>
public sealed class PayloadVerificationException(string errorCode, string message) : IOException(message)
{
    /// <summary>The AWS error code to return.</summary>
    public string ErrorCode { get; } = errorCode;
}
