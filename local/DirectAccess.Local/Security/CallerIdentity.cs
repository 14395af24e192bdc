namespace DirectAccess.Local.Security;

/// <summary>
/// Temporary or long-term credentials the local cloud issued or knows, with everything IAM needs about the caller.
/// </summary>
/// <param name="AccessKeyId"><c>ASIA…</c> for temporary credentials, <c>AKIA…</c> for long-term ones.</param>
/// <param name="SecretAccessKey">The secret used to verify SigV4 signatures.</param>
/// <param name="SessionToken">Required on every request signed with temporary credentials; null for long-term.</param>
/// <param name="Expiration">UTC instant after which requests fail with <c>ExpiredToken</c>; null = never.</param>
/// <param name="IsAdministrator">True for the local admin key: every action allowed, like the account root.</param>
/// <param name="RoleArn">The assumed role (null for the admin).</param>
/// <param name="CallerArn"><c>arn:aws:sts::&lt;acct&gt;:assumed-role/&lt;RoleName&gt;/&lt;session&gt;</c>, or the admin's ARN.</param>
/// <param name="UserId"><c>aws:userid</c>: <c>&lt;RoleId&gt;:&lt;session&gt;</c>.</param>
/// <param name="IdentityId">Cognito identity id (<c>&lt;region&gt;:&lt;guid&gt;</c>) when issued by the identity pool.</param>
/// <param name="IdentityPoolId">Cognito identity pool id when issued by the identity pool.</param>
/// <param name="Amr"><c>cognito-identity.amazonaws.com:amr</c> values (e.g. <c>authenticated</c>, provider, provider:CognitoSignIn:sub).</param>
public sealed record CallerIdentity(
    string AccessKeyId,
    string SecretAccessKey,
    string? SessionToken,
    DateTimeOffset? Expiration,
    bool IsAdministrator,
    string? RoleArn,
    string CallerArn,
    string UserId,
    string? IdentityId,
    string? IdentityPoolId,
    IReadOnlyList<string> Amr);

/// <summary>Issues and looks up credentials. Durable: issued credentials survive a restart until they expire.</summary>
public interface ICredentialStore
{
    /// <summary>The caller for <paramref name="accessKeyId"/>, or null when unknown (→ <c>InvalidAccessKeyId</c>).</summary>
    CallerIdentity? Find(string accessKeyId);

    /// <summary>Issues new temporary credentials (<c>ASIA…</c> key, secret, session token) for a role session.</summary>
    /// <param name="roleArn">The role assumed.</param>
    /// <param name="sessionName">Role session name (identity pool: <c>CognitoIdentityCredentials</c>).</param>
    /// <param name="lifetime">How long they are valid.</param>
    /// <param name="identityId">Cognito identity id, when issued for an identity.</param>
    /// <param name="identityPoolId">Cognito identity pool id, when issued for an identity.</param>
    /// <param name="amr">The identity's <c>amr</c> values; empty when not a web identity.</param>
    CallerIdentity IssueRoleSession(string roleArn, string sessionName, TimeSpan lifetime,
        string? identityId, string? identityPoolId, IReadOnlyList<string> amr);
}

/// <summary>The result of authenticating a request: the caller, or an AWS error to return as-is.</summary>
public sealed record AuthenticationResult(CallerIdentity? Caller, int StatusCode, string? ErrorCode, string? ErrorMessage)
{
    /// <summary>True when the signature verified and the caller is known and unexpired.</summary>
    public bool Succeeded => Caller is not null;

    /// <summary>A success.</summary>
    public static AuthenticationResult Success(CallerIdentity caller) => new(caller, 200, null, null);

    /// <summary>A failure with the service's own error code (e.g. <c>SignatureDoesNotMatch</c>).</summary>
    public static AuthenticationResult Fail(int status, string code, string message) => new(null, status, code, message);
}

/// <summary>
/// Verifies SigV4 on a request whose body is small and fully buffered (JSON 1.1, Query, REST-JSON services).
/// S3's streaming bodies are verified by the S3 handler's own streaming verifier.
/// </summary>
public interface IRequestAuthenticator
{
    /// <summary>
    /// Verifies the request's SigV4 signature (header or presigned query) over <paramref name="body"/>, the session
    /// token, expiry and clock skew. <paramref name="service"/> is the signing name (<c>cognito-idp</c>, <c>sts</c>,
    /// <c>lambda</c>, ...), which must match the credential scope.
    /// </summary>
    AuthenticationResult Authenticate(Microsoft.AspNetCore.Http.HttpRequest request, ReadOnlySpan<byte> body, string service);
}
