using DirectAccess.Local.Security;

namespace DirectAccess.Local.Auth.SigV4;

/// <summary>A request whose seed signature verified, with what chunk and trailer signatures chain from.</summary>
/// <param name="Caller">The authenticated caller.</param>
/// <param name="SigningKey">The 32-byte signing key of the request's scope.</param>
/// <param name="AmzDate">Request time as signed, <c>yyyyMMddTHHmmssZ</c>.</param>
/// <param name="Scope">Credential scope, <c>date/region/service/aws4_request</c>.</param>
/// <param name="SeedSignature">The verified request signature, lower-case hex (the first "previous signature").</param>
/// <param name="PayloadClaim">The signed <c>x-amz-content-sha256</c> (hex hash or one of the literals).</param>
internal sealed record VerifiedSignature(
    CallerIdentity Caller,
    byte[] SigningKey,
    string AmzDate,
    string Scope,
    string SeedSignature,
    string PayloadClaim);
