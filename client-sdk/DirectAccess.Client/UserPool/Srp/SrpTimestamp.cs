using System.Globalization;

namespace DirectAccess.Client.UserPool.Srp;

/// <summary>
/// The <c>TIMESTAMP</c> of a <c>PASSWORD_VERIFIER</c> answer: UTC, English day and month names, day of month not
/// zero-padded, e.g. <c>Tue Mar 5 07:04:09 UTC 2024</c> (REFERENCE.md §3).
/// </summary>
internal static class SrpTimestamp
{
    public static string Format(DateTime utc) =>
        utc.ToUniversalTime().ToString("ddd MMM d HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);
}
