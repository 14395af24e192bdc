using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using DirectAccess.Srp;

namespace DirectAccess.Local.UserPools.Srp;

/// <summary>
/// A password kept only as an SRP verifier: <c>salt</c> and v = g^x mod N with
/// x = H(pad(salt) ‖ H(poolName ‖ userIdForSrp ‖ ":" ‖ password)) (REFERENCE.md §3). The password itself is never stored.
/// </summary>
/// <param name="Salt">Random salt bytes (16 on creation).</param>
/// <param name="Verifier">v, as pad(v) bytes.</param>
public sealed record PasswordVerifier(byte[] Salt, byte[] Verifier)
{
    private const int SaltLength = 16;

    /// <summary>The salt as the integer clients see in the challenge's <c>SALT</c>.</summary>
    public BigInteger SaltValue => SrpGroup.FromBytes(Salt);

    /// <summary>v as an integer.</summary>
    public BigInteger VerifierValue => SrpGroup.FromBytes(Verifier);

    /// <summary>Makes a fresh random salt and the verifier of <paramref name="password"/>.</summary>
    /// <param name="poolName">The part of the user pool id after <c>_</c>.</param>
    /// <param name="userIdForSrp">The <c>USER_ID_FOR_SRP</c> the challenge will name.</param>
    /// <param name="password">The password (UTF-8).</param>
    public static PasswordVerifier Create(string poolName, string userIdForSrp, string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltLength);
        var x = ComputeX(SrpGroup.FromBytes(salt), poolName, userIdForSrp, password);
        return new PasswordVerifier(salt, SrpGroup.Pad(ModularExponentiation.ModPow(SrpGroup.G, x, SrpGroup.N)));
    }

    /// <summary>x = H(pad(salt) ‖ H(poolName ‖ userIdForSrp ‖ ":" ‖ password)), as Cognito's clients compute it.</summary>
    public static BigInteger ComputeX(BigInteger salt, string poolName, string userIdForSrp, string password)
    {
        var identityHash = SrpGroup.HashBytes(Encoding.UTF8.GetBytes(poolName + userIdForSrp + ":" + password));
        return SrpGroup.Hash(SrpGroup.Pad(salt), identityHash);
    }

    /// <summary>
    /// True when <paramref name="password"/> is the one this verifier was made from: recomputes g^x and compares it
    /// with v in constant time (used by <c>USER_PASSWORD_AUTH</c>).
    /// </summary>
    public bool Matches(string poolName, string userIdForSrp, string password)
    {
        var x = ComputeX(SaltValue, poolName, userIdForSrp, password);
        var candidate = SrpGroup.Pad(ModularExponentiation.ModPow(SrpGroup.G, x, SrpGroup.N));
        return CryptographicOperations.FixedTimeEquals(FixedWidth(candidate), FixedWidth(Verifier));
    }

    // Both sides to the width of pad(N) so the comparison's length never depends on the values.
    private static byte[] FixedWidth(byte[] value)
    {
        var width = SrpGroup.Pad(SrpGroup.N).Length;
        var result = new byte[width];
        var source = value.Length > width ? value.AsSpan(value.Length - width) : value;
        source.CopyTo(result.AsSpan(width - source.Length));
        return result;
    }
}
