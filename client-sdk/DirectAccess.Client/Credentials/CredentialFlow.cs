namespace DirectAccess.Client.Credentials;

/// <summary>Which identity pool flow turns the ID token into AWS credentials (Cognito developer guide, "Identity pools authentication flow").</summary>
public enum CredentialFlow
{
    /// <summary>Enhanced (simplified) flow: <c>GetId</c> + <c>GetCredentialsForIdentity</c>; the pool picks the role (default).</summary>
    Enhanced,

    /// <summary>
    /// Basic (classic) flow: <c>GetId</c> + <c>GetOpenIdToken</c> + STS <c>AssumeRoleWithWebIdentity</c>; the client
    /// names the role. Only for pools with <c>AllowClassicFlow</c> and no role mappings.
    /// </summary>
    Basic,
}
