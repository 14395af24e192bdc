using System.Security.Cryptography;

namespace DirectAccess.Local.Security;

/// <summary>
/// The user pools' token-signing public keys, for validating ID tokens in-process (the identity pool does this
/// instead of fetching <c>/&lt;poolId&gt;/.well-known/jwks.json</c> over HTTP; same keys).
/// </summary>
public interface IUserPoolKeys
{
    /// <summary>The RSA public key with key id <paramref name="keyId"/> of pool <paramref name="userPoolId"/>, or null.</summary>
    RSA? FindSigningKey(string userPoolId, string keyId);
}
