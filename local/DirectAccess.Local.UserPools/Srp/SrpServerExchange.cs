using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using DirectAccess.Srp;

namespace DirectAccess.Local.UserPools.Srp;

/// <summary>
/// The server half of one SRP-6a exchange (REFERENCE.md §3): a random 256-bit b, B = (k·v + g^b) mod N, and, once the
/// client's A is known, u = H(pad(A) ‖ pad(B)), S = (A·v^u)^b mod N and the 16-byte session key
/// HKDF-SHA256(ikm = pad(S), salt = pad(u), info = "Caldera Derived Key") that Cognito's clients derive.
/// </summary>
public sealed class SrpServerExchange
{
    private const int PrivateBytes = 32;
    private const int KeyLength = 16;
    private static readonly byte[] KeyInfo = Encoding.UTF8.GetBytes("Caldera Derived Key");

    private readonly BigInteger _b;
    private readonly BigInteger _v;

    private SrpServerExchange(BigInteger b, BigInteger v, BigInteger publicB)
    {
        _b = b;
        _v = v;
        PublicB = publicB;
    }

    /// <summary>B, sent to the client as <c>SRP_B</c> (hex).</summary>
    public BigInteger PublicB { get; }

    /// <summary>Starts an exchange for the verifier <paramref name="v"/> (any value &lt; N; a fake one for unknown users).</summary>
    public static SrpServerExchange Start(BigInteger v)
    {
        // B ≡ 0 (mod N) would let a client skip the password; redraw b (a handful of tries is astronomically enough).
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var b = SrpGroup.FromBytes(RandomNumberGenerator.GetBytes(PrivateBytes));
            var publicB = SrpGroup.Mod(SrpGroup.K * v + ModularExponentiation.ModPow(SrpGroup.G, b, SrpGroup.N));
            if (!b.IsZero && !publicB.IsZero)
            {
                return new SrpServerExchange(b, v, publicB);
            }
        }

        throw new CryptographicException("Could not draw an SRP private value.");
    }

    /// <summary>
    /// The session key for the client's <paramref name="publicA"/>, or null when A ≡ 0 (mod N) or u = 0 (the
    /// SRP-6a safety checks; both mean the exchange must fail).
    /// </summary>
    public byte[]? DeriveKey(BigInteger publicA)
    {
        if (publicA.Sign <= 0 || SrpGroup.Mod(publicA).IsZero)
        {
            return null;
        }

        var u = SrpGroup.Hash(SrpGroup.Pad(publicA), SrpGroup.Pad(PublicB));
        if (u.IsZero)
        {
            return null;
        }

        var baseValue = SrpGroup.Mod(publicA * ModularExponentiation.ModPow(_v, u, SrpGroup.N));
        var s = ModularExponentiation.ModPow(baseValue, _b, SrpGroup.N);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, SrpGroup.Pad(s), KeyLength, SrpGroup.Pad(u), KeyInfo);
    }

    /// <summary>
    /// True when <paramref name="signatureBase64"/> is Base64(HMAC-SHA256(key, poolName ‖ userIdForSrp ‖ secretBlock ‖
    /// timestamp)), compared in constant time. Malformed Base64 is simply a mismatch.
    /// </summary>
    public static bool IsValidClaim(byte[] key, string poolName, string userIdForSrp, byte[] secretBlock, string timestamp, string signatureBase64)
    {
        var message = new List<byte>();
        message.AddRange(Encoding.UTF8.GetBytes(poolName + userIdForSrp));
        message.AddRange(secretBlock);
        message.AddRange(Encoding.UTF8.GetBytes(timestamp));
        var expected = HMACSHA256.HashData(key, message.ToArray());

        var claimed = new byte[64];
        if (!Convert.TryFromBase64String(signatureBase64, claimed, out var written) || written != expected.Length)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, claimed.AsSpan(0, written));
    }
}
