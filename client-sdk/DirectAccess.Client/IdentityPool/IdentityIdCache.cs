using System.Security.Cryptography;
using System.Text;

namespace DirectAccess.Client.IdentityPool;

/// <summary>
/// Remembers identity ids on disk, one small file per (user pool, user <c>sub</c>, identity pool) under
/// <c>&lt;data dir&gt;/identity-ids/</c>, so a restart skips <c>GetId</c> (as the AWS SDKs' identity caches do). A
/// stale id is evicted by the caller when the identity pool refuses it.
/// </summary>
public sealed class IdentityIdCache
{
    private readonly string _directory;

    /// <summary>Creates a cache under <paramref name="dataDirectory"/>.</summary>
    public IdentityIdCache(string dataDirectory)
    {
        _directory = Path.Combine(dataDirectory, "identity-ids");
    }

    /// <summary>The cached id, or null (missing or unreadable file: treated as a miss).</summary>
    public string? Get(string userPoolId, string sub, string identityPoolId)
    {
        try
        {
            var text = File.ReadAllText(PathFor(userPoolId, sub, identityPoolId)).Trim();
            return text.Length > 0 ? text : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Stores <paramref name="identityId"/> (atomic replace). IO failures are ignored: the cache is an optimisation.</summary>
    public void Set(string userPoolId, string sub, string identityPoolId, string identityId)
    {
        try
        {
            Config.DataDirectory.Ensure(_directory);
            var path = PathFor(userPoolId, sub, identityPoolId);
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllText(temp, identityId);
            File.Move(temp, path, overwrite: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Forgets the id (after the identity pool refused it).</summary>
    public void Evict(string userPoolId, string sub, string identityPoolId)
    {
        try
        {
            File.Delete(PathFor(userPoolId, sub, identityPoolId));
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The file for a key: a hash, so no user data appears in file names.</summary>
    public string PathFor(string userPoolId, string sub, string identityPoolId) =>
        Path.Combine(_directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{userPoolId}\n{sub}\n{identityPoolId}")))[..32] + ".id");
}
