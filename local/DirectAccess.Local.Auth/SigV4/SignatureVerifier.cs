using System.Security.Cryptography;
using System.Text;
using DirectAccess.Local.Auth.Errors;
using DirectAccess.Local.Security;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Auth.SigV4;

/// <summary>
/// Verifies the seed signature of a request (AWS General Reference, "Signature Version 4"; S3 API reference,
/// "Authenticating Requests (AWS Signature Version 4)"), in this order: signature parameters (header or presigned
/// query), request time, credential scope (date, region, service), clock skew or presigned expiry, access key, session
/// token, credential expiry, then the signature itself. The first failure throws <see cref="SigV4Exception"/>.
/// </summary>
/// <param name="credentials">Where access keys are looked up.</param>
/// <param name="region">The cloud's region; the scope must name it.</param>
/// <param name="clock">The server clock.</param>
internal sealed class SignatureVerifier(ICredentialStore credentials, string region, TimeProvider clock)
{
    private readonly SigningKeyCache _keys = new();

    /// <summary>Verifies <paramref name="request"/> for <paramref name="service"/>.</summary>
    /// <param name="request">The request as received.</param>
    /// <param name="service">Signing name the scope must name.</param>
    /// <param name="bufferedBodyHash">Hex SHA-256 of the body when it is buffered (used as the payload hash by
    /// services that do not send <c>x-amz-content-sha256</c>); null when streaming.</param>
    /// <exception cref="SigV4Exception">On the first check that fails.</exception>
    public VerifiedSignature Verify(HttpRequest request, string service, string? bufferedBodyHash)
    {
        var isS3 = service == SigV4Names.S3Service;
        var parameters = ReadParameters(request);
        var (requestTime, amzDate) = ReadRequestTime(request, parameters);
        CheckScope(parameters, amzDate, service, isS3);
        CheckTime(parameters, requestTime, service);

        var caller = credentials.Find(parameters.AccessKeyId) ?? throw new SigV4Exception(SigV4Failure.UnknownAccessKey, parameters.AccessKeyId);
        CheckSessionToken(request, caller);
        if (caller.Expiration is { } expiration && expiration <= clock.GetUtcNow())
        {
            throw new SigV4Exception(SigV4Failure.ExpiredCredentials, $"credentials expired at {expiration:O}");
        }

        var payloadClaim = ReadPayloadClaim(request, parameters, isS3, bufferedBodyHash);

        // A presigned S3 URL is signed before any body exists, so its canonical request always ends in UNSIGNED-PAYLOAD
        // (S3 API reference, "Authenticating Requests: Using Query Parameters"); a hash header sent along still
        // decides how the body is verified.
        var signedPayloadHash = isS3 && parameters.IsPresigned ? SigV4Names.UnsignedPayload : payloadClaim;
        var signingKey = _keys.Get(caller.SecretAccessKey, parameters.ScopeDate, parameters.ScopeRegion, parameters.ScopeService);
        var canonical = CanonicalRequest.Build(request, RawRequestTarget.From(request), parameters, service, signedPayloadHash);
        var stringToSign = SignatureMath.RequestStringToSign(amzDate, parameters.Scope, SignatureMath.HexSha256(canonical));
        Span<byte> expected = stackalloc byte[32];
        SignatureMath.Sign(signingKey, stringToSign, expected);
        if (!SignatureMath.HexEquals(parameters.Signature, expected))
        {
            throw new SigV4Exception(SigV4Failure.SignatureMismatch, "signature mismatch");
        }

        return new VerifiedSignature(caller, signingKey, amzDate, parameters.Scope, Convert.ToHexStringLower(expected), payloadClaim);
    }

    private static SignatureParameters ReadParameters(HttpRequest request)
    {
        var authorization = request.Headers.Authorization;
        if (authorization.Count > 0)
        {
            if (PresignedQueryParser.IsPresigned(request.Query))
            {
                throw new SigV4Exception(SigV4Failure.MultipleAuthenticationMethods,
                    "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified");
            }

            if (authorization.Count > 1)
            {
                throw new SigV4Exception(SigV4Failure.MalformedAuthorization, "more than one Authorization header");
            }

            var parameters = AuthorizationHeaderParser.Parse(authorization[0] ?? "");
            RequireSignedHost(parameters, SigV4Failure.MalformedAuthorization);
            return parameters;
        }

        if (PresignedQueryParser.IsPresigned(request.Query))
        {
            var parameters = PresignedQueryParser.Parse(request.Query);
            RequireSignedHost(parameters, SigV4Failure.MalformedQuery);
            return parameters;
        }

        if (PresignedQueryParser.IsSignatureVersion2(request.Query))
        {
            throw new SigV4Exception(SigV4Failure.UnsupportedAlgorithm, "Signature Version 2 query authentication is not supported.");
        }

        throw new SigV4Exception(SigV4Failure.MissingAuthentication, "no Authorization header or presigned query");
    }

    private static void RequireSignedHost(SignatureParameters parameters, SigV4Failure failure)
    {
        if (!parameters.SignedHeaders.Contains("host"))
        {
            throw new SigV4Exception(failure, "the host header must be signed (SignedHeaders must include 'host')");
        }
    }

    private static (DateTimeOffset Time, string AmzDate) ReadRequestTime(HttpRequest request, SignatureParameters parameters)
    {
        if (parameters.IsPresigned)
        {
            var text = request.Query[SigV4Names.QueryDate].ToString();
            return AmzDate.TryParse(text, out var presignedTime)
                ? (presignedTime, text)
                : throw new SigV4Exception(SigV4Failure.MalformedQuery, "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
        }

        var amzDate = request.Headers[SigV4Names.AmzDateHeader];
        if (amzDate.Count == 1 && AmzDate.TryParse(amzDate[0], out var time))
        {
            return (time, amzDate[0]!);
        }

        if (amzDate.Count == 0 && AmzDate.TryParseHttpDate(request.Headers.Date.ToString(), out time))
        {
            return (time, AmzDate.ToAmzDate(time));
        }

        throw new SigV4Exception(SigV4Failure.MalformedAuthorization, "a valid X-Amz-Date or Date header is required");
    }

    private void CheckScope(SignatureParameters parameters, string amzDate, string service, bool isS3)
    {
        // S3 words scope errors per authentication style: header → "The authorization header is malformed; …",
        // presigned → "Error parsing the X-Amz-Credential parameter; …" (the catalog adds the header wording).
        var prefix = parameters.IsPresigned ? "Error parsing the X-Amz-Credential parameter; " : "";
        if (parameters.ScopeTerminator != SigV4Names.ScopeTerminator)
        {
            throw new SigV4Exception(parameters.IsPresigned ? SigV4Failure.MalformedQuery : SigV4Failure.MalformedAuthorization,
                $"{prefix}incorrect terminal \"{parameters.ScopeTerminator}\". This endpoint uses \"aws4_request\".");
        }

        if (parameters.ScopeDate != amzDate[..8])
        {
            throw new SigV4Exception(SigV4Failure.ScopeDateMismatch, parameters.IsPresigned, isS3
                ? $"{prefix}Invalid credential date \"{parameters.ScopeDate}\". This date is not the same as X-Amz-Date: \"{amzDate[..8]}\"."
                : $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{parameters.ScopeDate}' != '{amzDate[..8]}', from '{amzDate}'.");
        }

        if (parameters.ScopeRegion != region)
        {
            throw new SigV4Exception(SigV4Failure.ScopeRegionMismatch, parameters.IsPresigned, isS3
                ? $"{prefix}the region '{parameters.ScopeRegion}' is wrong; expecting '{region}'"
                : "Credential should be scoped to a valid region. ");
        }

        if (parameters.ScopeService != service)
        {
            throw new SigV4Exception(SigV4Failure.ScopeServiceMismatch, parameters.IsPresigned, isS3
                ? $"{prefix}incorrect service \"{parameters.ScopeService}\". This endpoint belongs to \"{service}\"."
                : $"Credential should be scoped to correct service: '{service}'. ");
        }
    }

    private void CheckTime(SignatureParameters parameters, DateTimeOffset requestTime, string service)
    {
        var now = clock.GetUtcNow();
        var limit = SkewLimits.For(service);
        if (parameters.IsPresigned)
        {
            if (requestTime - now > limit)
            {
                throw new SigV4Exception(SigV4Failure.PresignedNotYetValid, NotYetCurrent(requestTime, now, limit));
            }

            if (now > requestTime.AddSeconds(parameters.ExpiresSeconds!.Value))
            {
                throw new SigV4Exception(SigV4Failure.PresignedExpired,
                    $"Signature expired: {AmzDate.ToAmzDate(requestTime.AddSeconds(parameters.ExpiresSeconds.Value))} is now earlier than {AmzDate.ToAmzDate(now)}.");
            }

            return;
        }

        if (now - requestTime > limit)
        {
            throw new SigV4Exception(SigV4Failure.TimeTooSkewed,
                $"Signature expired: {AmzDate.ToAmzDate(requestTime)} is now earlier than {AmzDate.ToAmzDate(now - limit)} ({AmzDate.ToAmzDate(now)} - {limit.TotalMinutes} min.)");
        }

        if (requestTime - now > limit)
        {
            throw new SigV4Exception(SigV4Failure.TimeTooSkewed, NotYetCurrent(requestTime, now, limit));
        }
    }

    private static string NotYetCurrent(DateTimeOffset requestTime, DateTimeOffset now, TimeSpan limit) =>
        $"Signature not yet current: {AmzDate.ToAmzDate(requestTime)} is still later than {AmzDate.ToAmzDate(now + limit)} ({AmzDate.ToAmzDate(now)} + {limit.TotalMinutes} min.)";

    private static void CheckSessionToken(HttpRequest request, CallerIdentity caller)
    {
        var sent = request.Headers[SigV4Names.SecurityTokenHeader];
        if (sent.Count == 0)
        {
            sent = request.Query[SigV4Names.QuerySecurityToken];
        }

        if (sent.Count > 1)
        {
            throw new SigV4Exception(SigV4Failure.InvalidSessionToken, "more than one session token");
        }

        var token = sent.Count == 1 ? sent[0] : null;
        if (caller.SessionToken is null)
        {
            if (!string.IsNullOrEmpty(token))
            {
                throw new SigV4Exception(SigV4Failure.InvalidSessionToken, "a session token was sent with long-term credentials");
            }

            return;
        }

        if (string.IsNullOrEmpty(token))
        {
            throw new SigV4Exception(SigV4Failure.MissingSessionToken, "temporary credentials need their session token");
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(caller.SessionToken)))
        {
            throw new SigV4Exception(SigV4Failure.InvalidSessionToken, "the session token does not belong to the access key");
        }
    }

    /// <summary>
    /// The payload hash the signature covers. S3 signs <c>x-amz-content-sha256</c> (required with header auth;
    /// presigned URLs default to <c>UNSIGNED-PAYLOAD</c>); other services sign the body's hash, which the header may
    /// state but need not.
    /// </summary>
    private static string ReadPayloadClaim(HttpRequest request, SignatureParameters parameters, bool isS3, string? bufferedBodyHash)
    {
        var header = request.Headers[SigV4Names.ContentSha256Header];
        if (header.Count > 1)
        {
            throw new SigV4Exception(SigV4Failure.InvalidContentSha256, "more than one x-amz-content-sha256 header");
        }

        var claim = header.Count == 1 ? header[0] : null;
        if (claim is null)
        {
            claim = isS3 && parameters.IsPresigned ? SigV4Names.UnsignedPayload : isS3 ? null : bufferedBodyHash;
            if (claim is null)
            {
                throw new SigV4Exception(SigV4Failure.MissingContentSha256, "Missing required header for this request: x-amz-content-sha256");
            }
        }

        if (!PayloadClaims.IsKnown(claim))
        {
            throw new SigV4Exception(SigV4Failure.InvalidContentSha256, $"invalid x-amz-content-sha256 '{claim}'");
        }

        return claim;
    }
}
