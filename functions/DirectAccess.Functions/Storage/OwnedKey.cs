using System.Text;
using DirectAccess.Functions.Worker.Context;
using DirectAccess.Functions.Worker.Invocation;

namespace DirectAccess.Functions.Storage;

/// <summary>
/// An S3 key proven to lie under the caller's own prefix <c>private/&lt;identity id&gt;/</c> (the Amplify convention;
/// REFERENCE.md §7). The identity is Lambda's (<see cref="FunctionContext.Identity"/>), never the payload's.
/// </summary>
public sealed record OwnedKey
{
    /// <summary>S3's key length limit, 1,024 bytes of UTF-8 (S3 user guide, "Naming Amazon S3 objects").</summary>
    public const int MaximumKeyBytes = 1024;

    private OwnedKey(string key, string owner, string relativeKey)
    {
        Key = key;
        Owner = owner;
        RelativeKey = relativeKey;
    }

    /// <summary>The full key, <c>private/&lt;owner&gt;/&lt;relative key&gt;</c>.</summary>
    public string Key { get; }

    /// <summary>The owning identity id.</summary>
    public string Owner { get; }

    /// <summary>The part after the owner's prefix, e.g. <c>isos/big.iso</c>.</summary>
    public string RelativeKey { get; }

    /// <summary>The caller's private prefix, <c>private/&lt;identity id&gt;/</c>.</summary>
    /// <param name="identityId">The caller's identity id.</param>
    /// <returns>The prefix.</returns>
    public static string PrivatePrefix(string identityId) => $"private/{identityId}/";

    /// <summary>The caller's identity, or a <c>Forbidden</c> function error when the Invoke carried none.</summary>
    /// <param name="context">The invocation's context.</param>
    /// <returns>The identity.</returns>
    /// <exception cref="FunctionErrorException"><c>Forbidden</c>: no Cognito identity, or one unfit for a key prefix.</exception>
    public static CognitoIdentity RequireCaller(FunctionContext context)
    {
        var identity = context.Identity
            ?? throw new FunctionErrorException(FunctionErrorException.Forbidden, "This function needs a caller with a Cognito identity.");
        if (identity.IdentityId.Contains('/', StringComparison.Ordinal) || identity.IdentityId.Any(char.IsControl))
        {
            throw new FunctionErrorException(FunctionErrorException.Forbidden, "The caller's identity id cannot name a key prefix.");
        }

        return identity;
    }

    /// <summary>Checks <paramref name="key"/> is a well-formed key under <paramref name="identityId"/>'s private prefix.</summary>
    /// <param name="key">The key from the payload.</param>
    /// <param name="identityId">The caller's identity id, from Lambda.</param>
    /// <returns>The owned key.</returns>
    /// <exception cref="FunctionErrorException">
    /// <c>InvalidRequest</c> for a missing, over-long or control-character key, or one with empty, <c>.</c> or <c>..</c>
    /// segments (refused because URL normalisation could make them name another key); <c>Forbidden</c> for a key outside
    /// the caller's prefix.
    /// </exception>
    public static OwnedKey Parse(string? key, string identityId)
    {
        if (string.IsNullOrEmpty(key))
        {
            throw Invalid("The payload must name a \"key\".");
        }

        if (Encoding.UTF8.GetByteCount(key) > MaximumKeyBytes || key.Any(char.IsControl))
        {
            throw Invalid($"The key must be at most {MaximumKeyBytes} bytes of UTF-8 without control characters.");
        }

        var prefix = PrivatePrefix(identityId);
        if (!key.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new FunctionErrorException(FunctionErrorException.Forbidden, $"The key is not under the caller's prefix {prefix}.");
        }

        var relative = key[prefix.Length..];
        if (relative.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            throw Invalid("The key must name an object below the caller's prefix, without empty, '.' or '..' segments.");
        }

        return new OwnedKey(key, identityId, relative);
    }

    private static FunctionErrorException Invalid(string message) => new(FunctionErrorException.InvalidRequest, message);
}
