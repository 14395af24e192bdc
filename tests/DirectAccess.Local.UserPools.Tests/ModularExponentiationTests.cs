using System.Diagnostics;
using System.Numerics;
using System.Security.Cryptography;
using DirectAccess.Local.UserPools.Srp;
using DirectAccess.Srp;

namespace DirectAccess.Local.UserPools.Tests;

/// <summary>The shared libcrypto-backed ModPow (SRP client and server) agrees with BigInteger.ModPow.</summary>
public sealed class ModularExponentiationTests
{
    private static BigInteger Random(int bytes) => new(RandomNumberGenerator.GetBytes(bytes), isUnsigned: true, isBigEndian: true);

    [Test]
    public void Agrees_with_BigInteger_ModPow_on_random_srp_sized_inputs_and_edges()
    {
        var n = SrpGroup.N;
        var cases = new List<(BigInteger Value, BigInteger Exponent)>
        {
            (0, 5), (1, 0), (2, 1), (n - 1, 2), (n + 5, 3), (n * 3 + 7, Random(32)),
        };
        for (var i = 0; i < 12; i++)
        {
            cases.Add((Random(384) % n, Random(i % 2 == 0 ? 32 : 128)));
        }

        foreach (var (value, exponent) in cases)
        {
            Assert.That(ModularExponentiation.ModPow(value, exponent, n), Is.EqualTo(BigInteger.ModPow(value, exponent, n)));
        }
    }

    [Test]
    public void Uses_libcrypto_where_it_is_installed_and_reports_the_speed()
    {
        var hasLibcrypto = File.Exists("/usr/lib/x86_64-linux-gnu/libcrypto.so.3") || File.Exists("/lib/x86_64-linux-gnu/libcrypto.so.3")
            || File.Exists("/usr/lib/aarch64-linux-gnu/libcrypto.so.3");
        if (!hasLibcrypto)
        {
            Assert.Ignore("libcrypto.so.3 is not installed; the managed fallback is in use.");
        }

        Assert.That(ModularExponentiation.IsNative, Is.True);
        var value = Random(384) % SrpGroup.N;
        var exponent = Random(32);
        var native = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            ModularExponentiation.ModPow(value, exponent, SrpGroup.N);
        }

        native.Stop();
        var managed = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            BigInteger.ModPow(value, exponent, SrpGroup.N);
        }

        managed.Stop();
        TestContext.Out.WriteLine($"3072-bit modulus, 256-bit exponent: libcrypto {native.Elapsed.TotalMilliseconds / 20:F2} ms, BigInteger {managed.Elapsed.TotalMilliseconds / 20:F2} ms");
    }
}
