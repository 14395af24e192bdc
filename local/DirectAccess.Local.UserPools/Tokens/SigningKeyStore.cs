using System.Security.Cryptography;
using DirectAccess.Local.Model;
using DirectAccess.Local.Security;

namespace DirectAccess.Local.UserPools.Tokens;

/// <summary>
/// The signing key of every pool in the stack, generated once (RSA 2048) and kept as PKCS#8 PEM under
/// <c>&lt;data-dir&gt;/userpools/keys/&lt;poolId&gt;.pem</c> so tokens stay valid across restarts. Implements
/// <see cref="IUserPoolKeys"/> for the identity pool's in-process token validation (public keys only).
/// </summary>
public sealed class SigningKeyStore : IUserPoolKeys
{
    private readonly Dictionary<string, PoolSigningKey> _keys = new(StringComparer.Ordinal);

    /// <summary>Loads or creates the key of each pool of <paramref name="stack"/>.</summary>
    /// <exception cref="CryptographicException">A stored key file is not a valid RSA PEM (refuse to start rather than re-key silently).</exception>
    public SigningKeyStore(LocalCloudOptions options, StackModel stack)
    {
        var directory = Path.Combine(options.DataDir, "userpools", "keys");
        Directory.CreateDirectory(directory);
        foreach (var pool in stack.UserPools)
        {
            _keys[pool.Id] = new PoolSigningKey(LoadOrCreate(Path.Combine(directory, pool.Id + ".pem")));
        }
    }

    /// <summary>The signing key of <paramref name="userPoolId"/>.</summary>
    /// <exception cref="KeyNotFoundException">The pool is not in the stack.</exception>
    public PoolSigningKey For(string userPoolId) => _keys[userPoolId];

    /// <summary>
    /// The public key of <paramref name="userPoolId"/> when <paramref name="keyId"/> is its <c>kid</c>, else null.
    /// The instance is shared and lives as long as the cloud: callers verify with it and must not dispose it.
    /// </summary>
    public RSA? FindSigningKey(string userPoolId, string keyId) =>
        _keys.TryGetValue(userPoolId, out var key) && key.KeyId == keyId ? key.PublicKey : null;

    private static RSA LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var stored = RSA.Create();
            stored.ImportFromPem(File.ReadAllText(path));
            return stored;
        }

        var rsa = RSA.Create(2048);
        var pem = rsa.ExportPkcs8PrivateKeyPem();
        // Write beside, then move: a crash never leaves a half-written key that would fail the next start.
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        File.WriteAllText(temporary, pem);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: false);
        return rsa;
    }
}
