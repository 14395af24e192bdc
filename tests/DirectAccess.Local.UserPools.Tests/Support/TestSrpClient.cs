using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace DirectAccess.Local.UserPools.Tests.Support;

/// <summary>
/// A test-side SRP client written from REFERENCE.md §3 alone, in the hex-string style of amazon-cognito-identity-js
/// (padHex on hex strings, hash of hex-decoded bytes), sharing nothing with the server's code.
/// </summary>
public sealed class TestSrpClient
{
    private const string NHex =
        "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
        "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
        "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
        "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
        "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
        "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7" +
        "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C" +
        "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF";

    private static readonly BigInteger N = FromHex(NHex);
    private static readonly BigInteger G = 2;
    private static readonly BigInteger K = FromHex(HexHash(PadHex(N) + PadHex(G)));
    private static readonly string[] Days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private readonly BigInteger _a;

    public TestSrpClient()
    {
        do
        {
            _a = FromHex(Convert.ToHexString(RandomNumberGenerator.GetBytes(128)));
            LargeA = BigInteger.ModPow(G, _a, N);
        }
        while (LargeA % N == 0);
    }

    /// <summary>A as hex, for <c>SRP_A</c>.</summary>
    public BigInteger LargeA { get; }

    public string SrpA => LargeA.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');

    /// <summary>amazon-cognito-identity-js style timestamp: <c>Tue Mar 5 07:04:09 UTC 2024</c>.</summary>
    public static string Timestamp(DateTime utc, bool padDay = false) =>
        $"{Days[(int)utc.DayOfWeek]} {Months[utc.Month - 1]} {(padDay ? utc.Day.ToString("00", CultureInfo.InvariantCulture) : utc.Day.ToString(CultureInfo.InvariantCulture))} " +
        $"{utc.Hour:00}:{utc.Minute:00}:{utc.Second:00} UTC {utc.Year}";

    /// <summary>PASSWORD_CLAIM_SIGNATURE for the challenge parameters and password.</summary>
    public string Signature(string poolName, string userIdForSrp, string password, string saltHex, string srpBHex, string secretBlock, string timestamp)
    {
        var b = FromHex(srpBHex);
        Assert.That(b % N, Is.Not.EqualTo(BigInteger.Zero), "server sent B ≡ 0");
        var u = FromHex(HexHash(PadHex(LargeA) + PadHex(b)));
        Assert.That(u, Is.Not.EqualTo(BigInteger.Zero));

        var identityHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{poolName}{userIdForSrp}:{password}")));
        var x = FromHex(HexHash(PadHex(FromHex(saltHex)) + identityHash));
        var gx = BigInteger.ModPow(G, x, N);
        var baseValue = ((b - K * gx) % N + N) % N;
        var s = BigInteger.ModPow(baseValue, _a + u * x, N);

        var prk = HMACSHA256.HashData(Convert.FromHexString(PadHex(u)), Convert.FromHexString(PadHex(s)));
        var info = Encoding.UTF8.GetBytes("Caldera Derived Key").Append((byte)1).ToArray();
        var key = HMACSHA256.HashData(prk, info).AsSpan(0, 16).ToArray();

        var message = Encoding.UTF8.GetBytes(poolName).Concat(Encoding.UTF8.GetBytes(userIdForSrp))
            .Concat(Convert.FromBase64String(secretBlock)).Concat(Encoding.UTF8.GetBytes(timestamp)).ToArray();
        return Convert.ToBase64String(HMACSHA256.HashData(key, message));
    }

    // padHex as amazon-cognito-identity-js: even length, and "00" in front when the first nibble has its top bit set.
    private static string PadHex(BigInteger value)
    {
        var hex = value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
        if (hex.Length == 0)
        {
            hex = "0";
        }

        if (hex.Length % 2 == 1)
        {
            return "0" + hex;
        }

        return "89abcdef".Contains(hex[0]) ? "00" + hex : hex;
    }

    private static string HexHash(string hex) => Convert.ToHexString(SHA256.HashData(Convert.FromHexString(hex)));

    private static BigInteger FromHex(string hex) => BigInteger.Parse("0" + hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
