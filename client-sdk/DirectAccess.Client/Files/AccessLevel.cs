namespace DirectAccess.Client.Files;

/// <summary>
/// Where a user's object lives, by Amplify's convention (REFERENCE.md §7): <c>private/&lt;identityId&gt;/</c> (owner
/// only), <c>protected/&lt;identityId&gt;/</c> (owner writes, signed-in users read), <c>public/</c> (shared). IAM, not
/// this SDK, enforces who may touch which prefix.
/// </summary>
public enum AccessLevel
{
    /// <summary><c>private/&lt;identityId&gt;/&lt;key&gt;</c> (default).</summary>
    Private,

    /// <summary><c>protected/&lt;identityId&gt;/&lt;key&gt;</c>.</summary>
    Protected,

    /// <summary><c>public/&lt;key&gt;</c>.</summary>
    Public,
}

/// <summary>Maps a user's relative key to the full S3 key.</summary>
public static class ObjectKeys
{
    /// <summary>The prefix for <paramref name="level"/>, ending in <c>/</c>.</summary>
    public static string Prefix(AccessLevel level, string identityId) => level switch
    {
        AccessLevel.Private => $"private/{identityId}/",
        AccessLevel.Protected => $"protected/{identityId}/",
        AccessLevel.Public => "public/",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>The full key: prefix + <paramref name="key"/> (leading <c>/</c> removed).</summary>
    /// <exception cref="ArgumentException">Empty key, or a key containing <c>..</c> segments.</exception>
    public static string Full(AccessLevel level, string identityId, string key)
    {
        var relative = key.TrimStart('/');
        if (relative.Length == 0 || relative.Split('/').Any(s => s is ".." or "."))
        {
            throw new ArgumentException($"Invalid object key '{key}'.", nameof(key));
        }

        return Prefix(level, identityId) + relative;
    }
}
