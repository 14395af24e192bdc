namespace DirectAccess.Local.Auth.SigV4;

/// <summary>
/// How far a request time may be from the server clock: 15 minutes for S3 (S3 API reference, <c>RequestTimeTooSkewed</c>),
/// 5 minutes for the other services (Lambda, STS, Cognito answer "Signature expired" beyond that).
/// </summary>
internal static class SkewLimits
{
    /// <summary>The allowed skew for <paramref name="service"/>.</summary>
    public static TimeSpan For(string service) =>
        service == SigV4Names.S3Service ? TimeSpan.FromMinutes(15) : TimeSpan.FromMinutes(5);
}
