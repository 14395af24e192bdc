namespace DirectAccess.Client;

/// <summary>
/// Who the session is: the identity pool identity id, user pool name and <c>sub</c>, groups, the roles the token
/// offers (<c>cognito:roles</c>), the role in use, and expiries (UTC).
/// </summary>
/// <param name="IdentityId">Identity id (<c>&lt;region&gt;:&lt;guid&gt;</c>), the <c>${cognito-identity.amazonaws.com:sub}</c> of IAM policies; null before credentials were fetched.</param>
/// <param name="IdentityPoolId">Identity pool id.</param>
/// <param name="Username">User name (<c>cognito:username</c>).</param>
/// <param name="Sub">User pool <c>sub</c>.</param>
/// <param name="Groups">Groups (<c>cognito:groups</c>).</param>
/// <param name="Roles">Candidate roles (<c>cognito:roles</c>).</param>
/// <param name="RoleArn">The role asked for (<c>CustomRoleArn</c>) or else <c>cognito:preferred_role</c>; null when the pool decides by rules/default.</param>
/// <param name="CredentialsExpirationUtc">Expiry of the current AWS credentials (local clock), or null.</param>
/// <param name="IdTokenExpirationUtc">Expiry of the current ID token (server clock).</param>
public sealed record DirectAccessIdentity(string? IdentityId, string IdentityPoolId, string Username, string Sub, IReadOnlyList<string> Groups,
    IReadOnlyList<string> Roles, string? RoleArn, DateTime? CredentialsExpirationUtc, DateTime IdTokenExpirationUtc)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{Username} (sub {Sub}) identity {IdentityId ?? "(not yet)"} groups [{string.Join(", ", Groups)}] role {RoleArn ?? "(pool default)"}"
        + (CredentialsExpirationUtc is { } e ? $" credentials until {e:u}" : "");
}
