using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using DirectAccess.Srp;

namespace DirectAccess.Client.UserPool.Srp;

/// <summary>
/// The client side of one Cognito <c>USER_SRP_AUTH</c> exchange: holds the ephemeral secret a and public A, and turns
/// the server's <c>PASSWORD_VERIFIER</c> challenge into <c>PASSWORD_CLAIM_SIGNATURE</c>. The password never leaves
/// the process. Math as in REFERENCE.md §3 (the computation of Cognito's own client libraries).
/// </summary>
internal sealed class SrpSession
{
    private static readonly byte[] DerivedKeyInfo = Encoding.UTF8.GetBytes("Caldera Derived Key");

    private readonly BigInteger _a;

    /// <summary>Starts an exchange with a fresh random 128-byte a (A mod N ≠ 0 guaranteed).</summary>
    public SrpSession()
        : this(RandomSecret())
    {
    }

    /// <summary>Starts an exchange with a given a (tests only: known-answer vectors).</summary>
    internal SrpSession(BigInteger a)
    {
        _a = a;
        PublicA = ModularExponentiation.ModPow(SrpGroup.G, _a, SrpGroup.N);
        if (PublicA.IsZero)
        {
            throw new CryptographicException("SRP: A mod N is 0; pick another a.");
        }
    }

    /// <summary>A = g^a mod N.</summary>
    public BigInteger PublicA { get; }

    /// <summary>A as the lower-case hex Cognito expects in <c>SRP_A</c>.</summary>
    public string PublicAHex => SrpGroup.MinimalHex(PublicA);

    /// <summary>
    /// Computes the 16-byte HKDF key: x = H(pad(salt) ‖ H(poolName ‖ userId ‖ ":" ‖ password)),
    /// S = (B − k·g^x)^(a + u·x) mod N, key = HKDF-SHA256(pad(S), salt = pad(u), "Caldera Derived Key").
    /// </summary>
    /// <exception cref="CryptographicException">B mod N = 0 or u = 0 (a malicious or broken server).</exception>
    public byte[] DeriveKey(string poolName, string userIdForSrp, string password, string saltHex, string serverBHex)
    {
        var b = SrpGroup.FromHex(serverBHex);
        if (SrpGroup.Mod(b).IsZero)
        {
            throw new CryptographicException("SRP: server sent B mod N = 0.");
        }

        var u = SrpGroup.Hash(SrpGroup.Pad(PublicA), SrpGroup.Pad(b));
        if (u.IsZero)
        {
            throw new CryptographicException("SRP: u = 0.");
        }

        var identityHash = SrpGroup.HashBytes(Encoding.UTF8.GetBytes($"{poolName}{userIdForSrp}:{password}"));
        var x = SrpGroup.Hash(SrpGroup.Pad(SrpGroup.FromHex(saltHex)), identityHash);
        var gx = ModularExponentiation.ModPow(SrpGroup.G, x, SrpGroup.N);
        var baseValue = SrpGroup.Mod(b - SrpGroup.K * gx);
        var s = ModularExponentiation.ModPow(baseValue, _a + u * x, SrpGroup.N);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, SrpGroup.Pad(s), 16, SrpGroup.Pad(u), DerivedKeyInfo);
    }

    /// <summary>
    /// <c>PASSWORD_CLAIM_SIGNATURE</c> = Base64(HMAC-SHA256(key, poolName ‖ userId ‖ Base64Decode(SECRET_BLOCK) ‖ TIMESTAMP)).
    /// </summary>
    public static string Signature(byte[] key, string poolName, string userIdForSrp, string secretBlockBase64, string timestamp)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes(poolName));
        hmac.AppendData(Encoding.UTF8.GetBytes(userIdForSrp));
        hmac.AppendData(Convert.FromBase64String(secretBlockBase64));
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp));
        return Convert.ToBase64String(hmac.GetHashAndReset());
    }

    private static BigInteger RandomSecret()
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var a = new BigInteger(RandomNumberGenerator.GetBytes(128), isUnsigned: true, isBigEndian: true);
            if (!ModularExponentiation.ModPow(SrpGroup.G, a, SrpGroup.N).IsZero)
            {
                return a;
            }
        }

        throw new CryptographicException("SRP: could not draw a usable secret.");
    }
}
