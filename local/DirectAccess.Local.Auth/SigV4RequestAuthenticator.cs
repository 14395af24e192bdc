using DirectAccess.Local.Auth.Errors;
using DirectAccess.Local.Auth.Payload;
using DirectAccess.Local.Auth.SigV4;
using DirectAccess.Local.Security;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Auth;

/// <summary>
/// <see cref="IRequestAuthenticator"/> for the local cloud: AWS Signature Version 4 (AWS General Reference, "Signature
/// Version 4 signing process"; S3 API reference, "Authenticating Requests (AWS Signature Version 4)") over the
/// <c>Authorization</c> header or a presigned query, with the session-token, expiry, clock-skew and scope checks AWS
/// makes, and streaming payload verification for S3. Errors come back as each service's own code and message (see
/// <see cref="ServiceErrorCatalog"/> for the table). Thread-safe; register as a singleton.
/// </summary>
public sealed class SigV4RequestAuthenticator : IRequestAuthenticator
{
    private readonly SignatureVerifier _verifier;

    /// <summary>Creates the authenticator.</summary>
    /// <param name="credentials">Looks up access keys (issued role sessions and the admin key).</param>
    /// <param name="region">The cloud's region; every credential scope must name it.</param>
    /// <param name="clock">Server clock for skew, presigned expiry and credential expiry; null = system clock.</param>
    public SigV4RequestAuthenticator(ICredentialStore credentials, string region, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(region);
        _verifier = new SignatureVerifier(credentials, region, clock ?? TimeProvider.System);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The payload hash signed is <c>x-amz-content-sha256</c> when sent, else the SHA-256 of <paramref name="body"/>;
    /// either way it must equal the body's hash (S3 may also sign <c>UNSIGNED-PAYLOAD</c>). An <c>aws-chunked</c> claim
    /// is refused here: a buffered body cannot be one (use <see cref="AuthenticateStreaming"/>).
    /// </remarks>
    public AuthenticationResult Authenticate(HttpRequest request, ReadOnlySpan<byte> body, string service)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(service);
        try
        {
            var bodyHash = SignatureMath.HexSha256(body);
            var verified = _verifier.Verify(request, service, bodyHash);
            CheckBufferedPayload(verified.PayloadClaim, bodyHash, service);
            return AuthenticationResult.Success(verified.Caller);
        }
        catch (SigV4Exception failure)
        {
            return ServiceErrorCatalog.ToResult(failure, service);
        }
    }

    /// <inheritdoc />
    public StreamingAuthenticationResult AuthenticateStreaming(HttpRequest request, string service)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(service);
        try
        {
            var verified = _verifier.Verify(request, service, bufferedBodyHash: null);
            var payload = PayloadStreamFactory.Create(request, verified);
            return new StreamingAuthenticationResult(AuthenticationResult.Success(verified.Caller), payload);
        }
        catch (SigV4Exception failure)
        {
            return new StreamingAuthenticationResult(ServiceErrorCatalog.ToResult(failure, service), null);
        }
    }

    private static void CheckBufferedPayload(string claim, string bodyHash, string service)
    {
        if (claim == SigV4Names.UnsignedPayload)
        {
            if (service != SigV4Names.S3Service)
            {
                throw new SigV4Exception(SigV4Failure.InvalidContentSha256, "UNSIGNED-PAYLOAD is accepted by S3 only");
            }

            return;
        }

        if (PayloadClaims.IsStreaming(claim))
        {
            throw new SigV4Exception(SigV4Failure.InvalidPayloadFraming, "an aws-chunked payload is not accepted for this request");
        }

        if (!string.Equals(claim, bodyHash, StringComparison.OrdinalIgnoreCase))
        {
            throw new SigV4Exception(SigV4Failure.ContentSha256Mismatch, "the body does not match x-amz-content-sha256");
        }
    }
}
