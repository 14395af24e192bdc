using System.Numerics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace DirectAccess.Srp;

/// <summary>
/// x^e mod m for SRP-6a (client and server). .NET's <see cref="BigInteger.ModPow"/> is roughly 20× slower than OpenSSL at 3072 bits, which
/// would make every sign-in cost tens of milliseconds of CPU; so where OpenSSL's libcrypto 3 is loadable (Linux, where
/// .NET itself uses it) the constant-time Montgomery exponentiation <c>BN_mod_exp_mont_consttime</c> is used, checked
/// once against <see cref="BigInteger.ModPow"/> at first use; elsewhere <see cref="BigInteger.ModPow"/>.
/// </summary>
public static class ModularExponentiation
{
    private static readonly Lazy<bool> UseOpenSsl = new(ProbeOpenSsl);

    /// <summary>True when libcrypto does the work (for reports and tests).</summary>
    public static bool IsNative => UseOpenSsl.Value;

    /// <summary>
    /// <paramref name="value"/>^<paramref name="exponent"/> mod <paramref name="modulus"/>, for a non-negative value and
    /// exponent and an odd modulus &gt; 1 (SRP's N). The result is in [0, modulus).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative value or exponent, or an even modulus.</exception>
    /// <exception cref="CryptographicException">libcrypto reported a failure.</exception>
    public static BigInteger ModPow(BigInteger value, BigInteger exponent, BigInteger modulus)
    {
        if (value.Sign < 0 || exponent.Sign < 0 || modulus <= 1 || modulus.IsEven)
        {
            throw new ArgumentOutOfRangeException(nameof(modulus), "Needs value ≥ 0, exponent ≥ 0 and an odd modulus > 1.");
        }

        if (!UseOpenSsl.Value || exponent.IsZero)
        {
            return BigInteger.ModPow(value, exponent, modulus);
        }

        var reduced = value >= modulus ? BigInteger.Remainder(value, modulus) : value;
        return reduced.IsZero ? BigInteger.Zero : OpenSsl(reduced, exponent, modulus);
    }

    private static bool ProbeOpenSsl()
    {
        try
        {
            // Any odd modulus proves the native path computes what BigInteger does; 2^255 - 19 is a well-known prime.
            var modulus = (BigInteger.One << 255) - 19;
            var value = new BigInteger(RandomNumberGenerator.GetBytes(31), isUnsigned: true, isBigEndian: true);
            var exponent = new BigInteger(RandomNumberGenerator.GetBytes(32), isUnsigned: true, isBigEndian: true);
            return OpenSsl(value, exponent, modulus) == BigInteger.ModPow(value, exponent, modulus);
        }
        catch (Exception missing) when (missing is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or CryptographicException)
        {
            return false;
        }
    }

    private static BigInteger OpenSsl(BigInteger value, BigInteger exponent, BigInteger modulus)
    {
        var context = Native.BN_CTX_new();
        nint result = 0, a = 0, p = 0, m = 0;
        try
        {
            a = ToNative(value);
            p = ToNative(exponent);
            m = ToNative(modulus);
            result = Native.BN_new();
            if (context == 0 || a == 0 || p == 0 || m == 0 || result == 0
                || Native.BN_mod_exp_mont_consttime(result, a, p, m, context, 0) != 1)
            {
                throw new CryptographicException("libcrypto modular exponentiation failed.");
            }

            var length = modulus.GetByteCount(isUnsigned: true);
            var buffer = new byte[length];
            if (Native.BN_bn2binpad(result, buffer, length) != length)
            {
                throw new CryptographicException("libcrypto result did not fit.");
            }

            return new BigInteger(buffer, isUnsigned: true, isBigEndian: true);
        }
        finally
        {
            // Clear-free: exponents here are SRP secrets (b, x).
            foreach (var number in new[] { result, a, p, m })
            {
                if (number != 0)
                {
                    Native.BN_clear_free(number);
                }
            }

            if (context != 0)
            {
                Native.BN_CTX_free(context);
            }
        }
    }

    private static nint ToNative(BigInteger value)
    {
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        try
        {
            return Native.BN_bin2bn(bytes, bytes.Length, 0);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private static class Native
    {
        private const string Library = "libcrypto.so.3";

        [DllImport(Library)]
        public static extern nint BN_CTX_new();

        [DllImport(Library)]
        public static extern void BN_CTX_free(nint context);

        [DllImport(Library)]
        public static extern nint BN_new();

        [DllImport(Library)]
        public static extern void BN_clear_free(nint number);

        [DllImport(Library)]
        public static extern nint BN_bin2bn(byte[] bytes, int length, nint reuse);

        [DllImport(Library)]
        public static extern int BN_bn2binpad(nint number, byte[] destination, int length);

        [DllImport(Library)]
        public static extern int BN_mod_exp_mont_consttime(nint result, nint value, nint exponent, nint modulus, nint context, nint montgomery);
    }
}
