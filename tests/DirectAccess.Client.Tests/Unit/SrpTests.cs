using System.Diagnostics;
using System.Numerics;
using System.Text.Json;
using DirectAccess.Client.UserPool.Srp;
using DirectAccess.Testing;
using DirectAccess.Srp;

namespace DirectAccess.Client.Tests.Unit;

/// <summary>
/// The SRP client math checked against an independent server-side implementation in Python (stdlib only): the server
/// computes v from the password, B from a known b, S from A, the HKDF key and the expected signature; ours must match.
/// </summary>
public sealed class SrpTests
{
    private const string PythonServer = """
import hashlib, hmac, base64, json, sys
N = int("FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF", 16)
g = 2
def pad(n):
    h = format(n, "x")
    if len(h) % 2: h = "0" + h
    elif h[0] in "89abcdef": h = "00" + h
    return bytes.fromhex(h)
def H(*parts): return hashlib.sha256(b"".join(parts)).digest()
def Hi(*parts): return int.from_bytes(H(*parts), "big")
a = json.loads(sys.stdin.read())
k = Hi(pad(N), pad(g))
x = Hi(pad(int(a["salt"], 16)), H((a["pool"] + a["user"] + ":" + a["password"]).encode()))
v = pow(g, x, N)
b = int(a["b"], 16)
B = (k * v + pow(g, b, N)) % N
A = int(a["A"], 16)
u = Hi(pad(A), pad(B))
S = pow(A * pow(v, u, N), b, N)
prk = hmac.new(pad(u), pad(S), hashlib.sha256).digest()
key = hmac.new(prk, b"Caldera Derived Key\x01", hashlib.sha256).digest()[:16]
msg = a["pool"].encode() + a["user"].encode() + base64.b64decode(a["secret"]) + a["timestamp"].encode()
print(json.dumps({"B": format(B, "x"), "signature": base64.b64encode(hmac.new(key, msg, hashlib.sha256).digest()).decode()}))
""";

    [TestCase("correct horse battery staple", "0a1b2c3d4e5f60718293a4b5c6d7e8f9")]
    [TestCase("Pässwörd-ü!", "ff00ee11dd22cc33bb44aa5599668877")]
    public void ClientSignatureMatchesAnIndependentServer(string password, string salt)
    {
        var python = OutsideTools.Require("python3");
        var srp = new SrpSession();
        var secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));
        const string pool = "AbCdEf123";
        const string user = "4c5a1b2e-0000-4000-8000-000000000001";
        var timestamp = SrpTimestamp.Format(new DateTime(2024, 3, 5, 7, 4, 9, DateTimeKind.Utc));
        var input = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["salt"] = salt, ["pool"] = pool, ["user"] = user, ["password"] = password, ["b"] = "f3a9" + new string('7', 250),
            ["A"] = srp.PublicAHex, ["secret"] = secret, ["timestamp"] = timestamp,
        });
        var result = RunPython(python, input);
        var key = srp.DeriveKey(pool, user, password, salt, result.GetProperty("B").GetString()!);
        var signature = SrpSession.Signature(key, pool, user, secret, timestamp);
        Assert.That(signature, Is.EqualTo(result.GetProperty("signature").GetString()));

        // And a wrong password must not produce the server's signature.
        var wrong = SrpSession.Signature(srp.DeriveKey(pool, user, password + "x", salt, result.GetProperty("B").GetString()!), pool, user, secret, timestamp);
        Assert.That(wrong, Is.Not.EqualTo(result.GetProperty("signature").GetString()));
    }

    [Test]
    public void TimestampHasCognitosShape()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SrpTimestamp.Format(new DateTime(2024, 3, 5, 7, 4, 9, DateTimeKind.Utc)), Is.EqualTo("Tue Mar 5 07:04:09 UTC 2024"));
            Assert.That(SrpTimestamp.Format(new DateTime(2023, 11, 25, 23, 59, 0, DateTimeKind.Utc)), Is.EqualTo("Sat Nov 25 23:59:00 UTC 2023"));
        });
    }

    [Test]
    public void PadAddsALeadingZeroOnlyWhenTheTopBitIsSet()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SrpGroup.Pad(new BigInteger(0x7f)), Is.EqualTo(new byte[] { 0x7f }));
            Assert.That(SrpGroup.Pad(new BigInteger(0x80)), Is.EqualTo(new byte[] { 0x00, 0x80 }));
            Assert.That(SrpGroup.Pad(SrpGroup.N)[0], Is.EqualTo(0x00));
            Assert.That(SrpGroup.Pad(SrpGroup.N), Has.Length.EqualTo(385));
            Assert.That(SrpGroup.N.IsProbablePrimeByFermat(), Is.True);
        });
    }

    [Test]
    public void RejectsAServerThatSendsBZero()
    {
        var srp = new SrpSession();
        Assert.Throws<System.Security.Cryptography.CryptographicException>(() => srp.DeriveKey("pool", "user", "pw", "01", SrpGroup.MinimalHex(SrpGroup.N)));
    }

    private static JsonElement RunPython(string python, string input)
    {
        var start = new ProcessStartInfo(python, ["-c", PythonServer]) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        Assert.That(process.WaitForExit(30_000), Is.True, "python timed out");
        Assert.That(process.ExitCode, Is.Zero, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}

internal static class BigIntegerTestExtensions
{
    // A Fermat check with a few bases: enough to catch a typo in the 3072-bit constant.
    public static bool IsProbablePrimeByFermat(this BigInteger n) =>
        new BigInteger[] { 2, 3, 5, 7, 11 }.All(a => BigInteger.ModPow(a, n - 1, n).IsOne);
}
