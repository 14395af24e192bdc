using DirectAccess.Local.UserPools.Srp;

namespace DirectAccess.Local.UserPools.Users;

/// <summary>
/// One user of a pool, as stored. <paramref name="Username"/> keeps the case it was created with; lookups use
/// <paramref name="UsernameKey"/> (lower-case: the template's <c>UsernameConfiguration.CaseSensitive: false</c>).
/// </summary>
/// <param name="PoolId">User pool id.</param>
/// <param name="Username">Username as created.</param>
/// <param name="UsernameKey">Lower-cased username, unique per pool.</param>
/// <param name="Sub">The user's immutable <c>sub</c> (a UUID).</param>
/// <param name="Status">Cognito <c>UserStatusType</c>: <c>UNCONFIRMED</c>, <c>CONFIRMED</c>, <c>FORCE_CHANGE_PASSWORD</c>.</param>
/// <param name="Enabled">False blocks sign-in.</param>
/// <param name="Password">The SRP verifier of the current password (temporary while <c>FORCE_CHANGE_PASSWORD</c>).</param>
/// <param name="Attributes">User attributes by name (<c>email</c>, <c>custom:*</c>...), string values as Cognito keeps them; excludes <c>sub</c>.</param>
/// <param name="Created">UTC creation instant.</param>
/// <param name="Modified">UTC instant of the last change.</param>
/// <param name="ConfirmationCode">The pending sign-up confirmation code (6 digits), or null.</param>
public sealed record UserRecord(
    string PoolId,
    string Username,
    string UsernameKey,
    string Sub,
    string Status,
    bool Enabled,
    PasswordVerifier? Password,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset Created,
    DateTimeOffset Modified,
    string? ConfirmationCode)
{
    /// <summary>The lookup key for <paramref name="username"/>: lower-case invariant.</summary>
    public static string KeyOf(string username) => username.ToLowerInvariant();

    /// <summary>All attributes as Cognito lists them: <c>sub</c> first, then the stored ones by name.</summary>
    public IEnumerable<KeyValuePair<string, string>> AllAttributes() =>
        new[] { new KeyValuePair<string, string>("sub", Sub) }.Concat(Attributes.OrderBy(a => a.Key, StringComparer.Ordinal));
}

/// <summary>Cognito's user statuses used here (service model <c>UserStatusType</c>).</summary>
public static class UserStatus
{
    /// <summary>Signed up, code not yet confirmed.</summary>
    public const string Unconfirmed = "UNCONFIRMED";

    /// <summary>May sign in.</summary>
    public const string Confirmed = "CONFIRMED";

    /// <summary>Created by an administrator with a temporary password; must set a new one at first sign-in.</summary>
    public const string ForceChangePassword = "FORCE_CHANGE_PASSWORD";
}
