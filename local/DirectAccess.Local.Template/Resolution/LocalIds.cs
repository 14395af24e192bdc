using System.Security.Cryptography;
using System.Text;

namespace DirectAccess.Local.Template.Resolution;

/// <summary>
/// Deterministic local ids: each derives from SHA-256 of account, region, stack name, logical id and purpose, so the
/// same template gives the same ids on every start (state in the data dir stays valid) and different stacks differ.
/// Formats follow AWS (REFERENCE §3): user pool <c>&lt;region&gt;_&lt;9 alphanumerics&gt;</c>, app client id 26
/// lowercase alphanumerics, identity pool <c>&lt;region&gt;:&lt;uuid&gt;</c>.
/// </summary>
internal sealed class LocalIds(string region, string accountId, string stackName)
{
    private const string Lower = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string Mixed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>The stack name the generated physical names start with.</summary>
    public string StackName => stackName;

    /// <summary><c>&lt;region&gt;_&lt;9 alphanumerics&gt;</c>.</summary>
    public string UserPoolId(string logicalId) => $"{region}_{Characters(logicalId, "userpool", Mixed, 9)}";

    /// <summary>26 lowercase alphanumerics.</summary>
    public string ClientId(string logicalId) => Characters(logicalId, "client", Lower, 26);

    /// <summary>A 51-character lowercase alphanumeric app client secret (when <c>GenerateSecret</c> is true).</summary>
    public string ClientSecret(string logicalId) => Characters(logicalId, "client-secret", Lower, 51);

    /// <summary><c>&lt;region&gt;:&lt;uuid&gt;</c>.</summary>
    public string IdentityPoolId(string logicalId) => $"{region}:{Uuid(logicalId, "identitypool")}";

    /// <summary>The 12 uppercase alphanumerics CloudFormation appends to generated physical names.</summary>
    public string Suffix(string logicalId) => Characters(logicalId, "suffix", Upper, 12);

    /// <summary>A deterministic UUID (version-4 layout) for <paramref name="logicalId"/> and <paramref name="purpose"/>.</summary>
    public Guid Uuid(string logicalId, string purpose)
    {
        var bytes = Hash(logicalId, purpose)[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private string Characters(string logicalId, string purpose, string alphabet, int count)
    {
        var hash = Hash(logicalId, purpose);
        var chars = new char[count];
        for (var i = 0; i < count; i++)
        {
            chars[i] = alphabet[hash[i] % alphabet.Length];
        }

        return new string(chars);
    }

    private byte[] Hash(string logicalId, string purpose) =>
        SHA512.HashData(Encoding.UTF8.GetBytes($"{accountId}\n{region}\n{stackName}\n{logicalId}\n{purpose}"));
}
