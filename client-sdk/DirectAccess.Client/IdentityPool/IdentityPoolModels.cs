namespace DirectAccess.Client.IdentityPool;

// Shapes of the cognito-identity 2014-06-30 service model (botocore) for the unsigned operations used here.

/// <summary><c>GetId</c> request.</summary>
public sealed class GetIdRequest
{
    /// <summary>Identity pool id, <c>&lt;region&gt;:&lt;guid&gt;</c>.</summary>
    public required string IdentityPoolId { get; init; }

    /// <summary>Account id (optional).</summary>
    public string? AccountId { get; init; }

    /// <summary>Provider name → token, e.g. <c>cognito-idp.&lt;region&gt;.amazonaws.com/&lt;poolId&gt;</c> → ID token.</summary>
    public Dictionary<string, string>? Logins { get; init; }
}

/// <summary><c>GetId</c> response.</summary>
public sealed class GetIdResponse
{
    /// <summary>The identity id, <c>&lt;region&gt;:&lt;guid&gt;</c>.</summary>
    public string? IdentityId { get; init; }
}

/// <summary><c>GetCredentialsForIdentity</c> request (enhanced flow).</summary>
public sealed class GetCredentialsForIdentityRequest
{
    /// <summary>Identity id from <c>GetId</c>.</summary>
    public required string IdentityId { get; init; }

    /// <summary>Provider name → token.</summary>
    public Dictionary<string, string>? Logins { get; init; }

    /// <summary>A role from the token's <c>cognito:roles</c> to use instead of the preferred one.</summary>
    public string? CustomRoleArn { get; init; }
}

/// <summary><c>GetCredentialsForIdentity</c> response.</summary>
public sealed class GetCredentialsForIdentityResponse
{
    /// <summary>The identity id.</summary>
    public string? IdentityId { get; init; }

    /// <summary>Temporary credentials.</summary>
    public IdentityCredentials? Credentials { get; init; }
}

/// <summary>Temporary credentials from the identity pool. Note <c>SecretKey</c>; <c>Expiration</c> is epoch seconds.</summary>
public sealed class IdentityCredentials
{
    /// <summary>Access key id (<c>ASIA…</c>).</summary>
    public string? AccessKeyId { get; init; }

    /// <summary>Secret access key.</summary>
    public string? SecretKey { get; init; }

    /// <summary>Session token.</summary>
    public string? SessionToken { get; init; }

    /// <summary>Expiry, seconds since the Unix epoch (UTC, server clock).</summary>
    public double Expiration { get; init; }
}

/// <summary><c>GetOpenIdToken</c> request (basic flow).</summary>
public sealed class GetOpenIdTokenRequest
{
    /// <summary>Identity id.</summary>
    public required string IdentityId { get; init; }

    /// <summary>Provider name → token.</summary>
    public Dictionary<string, string>? Logins { get; init; }
}

/// <summary><c>GetOpenIdToken</c> response: an OpenID token (valid 10 minutes) for STS <c>AssumeRoleWithWebIdentity</c>.</summary>
public sealed class GetOpenIdTokenResponse
{
    /// <summary>The identity id.</summary>
    public string? IdentityId { get; init; }

    /// <summary>The OpenID Connect token.</summary>
    public string? Token { get; init; }
}
