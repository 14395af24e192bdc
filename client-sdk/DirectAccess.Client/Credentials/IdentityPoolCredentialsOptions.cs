namespace DirectAccess.Client.Credentials;

/// <summary>Options of <see cref="CognitoIdentityPoolCredentials"/>.</summary>
public sealed record IdentityPoolCredentialsOptions
{
    /// <summary>Enhanced (default) or basic flow.</summary>
    public CredentialFlow Flow { get; init; } = CredentialFlow.Enhanced;

    /// <summary>
    /// Enhanced flow: sent as <c>CustomRoleArn</c>; must be one of the token's <c>cognito:roles</c> or the pool refuses.
    /// Basic flow: the role passed to <c>AssumeRoleWithWebIdentity</c> (default: <c>cognito:preferred_role</c>).
    /// </summary>
    public string? CustomRoleArn { get; init; }

    /// <summary>Basic flow: <c>DurationSeconds</c> of <c>AssumeRoleWithWebIdentity</c> (900–43200; default 3600).</summary>
    public int BasicFlowDurationSeconds { get; init; } = 3600;

    /// <summary>
    /// Refresh this long before expiry (default 5 minutes), capped at half the credentials' lifetime so short-lived
    /// credentials are not refreshed continuously. The refresh runs in the background; reads keep the current
    /// credentials until they actually expire.
    /// </summary>
    public TimeSpan RefreshAhead { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Where the identity id cache lives (default <see cref="Config.DataDirectory.Default"/>); null disables the cache.</summary>
    public string? DataDirectory { get; init; } = Config.DataDirectory.Default;
}
