namespace DirectAccess.Local.S3.Tests.Support;

/// <summary>Credentials of one test caller, and the Cognito identity id their prefix is named after (null for admin).</summary>
public sealed record TestCredentials(string Name, string AccessKeyId, string SecretAccessKey, string? SessionToken, string? IdentityId)
{
    /// <summary><c>private/&lt;identityId&gt;/</c>: the caller's own prefix.</summary>
    public string PrivatePrefix => $"private/{IdentityId}/";

    /// <summary>AWS SDK credentials.</summary>
    public Amazon.Runtime.AWSCredentials ToAws() => SessionToken is null
        ? new Amazon.Runtime.BasicAWSCredentials(AccessKeyId, SecretAccessKey)
        : new Amazon.Runtime.SessionAWSCredentials(AccessKeyId, SecretAccessKey, SessionToken);
}
