using System.Security.Cryptography;
using System.Text;
using DirectAccess.Local;

namespace DirectAccess.Local.Identity.Tokens;

/// <summary>
/// The identity pool's own RS256 signing key for <c>GetOpenIdToken</c> tokens: RSA 2048, stored as PKCS#8 PEM at
/// <c>&lt;data-dir&gt;/identity/openid-signing-key.pem</c> (owner read/write only) so tokens stay verifiable across
/// restarts; <c>kid</c> is the RFC 7638 thumbprint. Created once, written beside and renamed (never half-written).
/// </summary>
public sealed class OpenIdTokenKey : IDisposable
{
    /// <summary>Loads or creates the key under <see cref="LocalCloudOptions.DataDir"/>.</summary>
    /// <exception cref="CryptographicException">When a stored key file is not a valid RSA PEM (refuse rather than re-key).</exception>
    public OpenIdTokenKey(LocalCloudOptions options)
    {
        var directory = Path.Combine(options.DataDir, "identity");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "openid-signing-key.pem");
        if (File.Exists(path))
        {
            Rsa = RSA.Create();
            Rsa.ImportFromPem(File.ReadAllText(path));
        }
        else
        {
            Rsa = RSA.Create(2048);
            var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
            File.WriteAllText(temporary, Rsa.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(temporary, path, overwrite: false);
        }

        var parameters = Rsa.ExportParameters(false);
        var n = Base64Url.Encode(parameters.Modulus);
        var e = Base64Url.Encode(parameters.Exponent);
        KeyId = Base64Url.Encode(SHA256.HashData(Encoding.UTF8.GetBytes($"{{\"e\":\"{e}\",\"kty\":\"RSA\",\"n\":\"{n}\"}}")));
    }

    /// <summary>The key (private half included; used to sign and to verify).</summary>
    public RSA Rsa { get; }

    /// <summary>The <c>kid</c> written in token headers.</summary>
    public string KeyId { get; }

    /// <inheritdoc />
    public void Dispose() => Rsa.Dispose();
}
