using DirectAccess.Local.Security;

namespace DirectAccess.Local.Auth.Tests.Support;

/// <summary>Known credentials for the in-test host: a long-term key, live and expired temporary ones, and the admin.</summary>
public static class TestKeys
{
    public const string Region = "us-east-1";
    public const string Account = "000000000000";
    public const string IdentityPoolId = "us-east-1:11111111-2222-3333-4444-555555555555";

    public static readonly CallerIdentity LongTerm = new(
        "AKIATESTLONGTERM0001", "long-term-secret/with+chars", null, null, false,
        $"arn:aws:iam::{Account}:role/testers", $"arn:aws:sts::{Account}:assumed-role/testers/longterm",
        "AROATESTERS:longterm", null, null, []);

    public static readonly CallerIdentity Temporary = new(
        "ASIATESTTEMPORARY001", "temporary-secret-0001", "session-token-0001==", DateTimeOffset.UtcNow.AddHours(1), false,
        $"arn:aws:iam::{Account}:role/directaccess-uploaders", $"arn:aws:sts::{Account}:assumed-role/directaccess-uploaders/CognitoIdentityCredentials",
        "AROAUPLOADERS:CognitoIdentityCredentials", "us-east-1:aaaaaaaa-0000-0000-0000-000000000001", IdentityPoolId,
        ["authenticated", "cognito-idp.us-east-1.amazonaws.com/us-east-1_TestPool1", "cognito-idp.us-east-1.amazonaws.com/us-east-1_TestPool1:CognitoSignIn:sub-1"]);

    public static readonly CallerIdentity Expired = Temporary with
    {
        AccessKeyId = "ASIATESTEXPIRED00001",
        SecretAccessKey = "expired-secret",
        SessionToken = "expired-token",
        Expiration = DateTimeOffset.UtcNow.AddMinutes(-1),
    };

    public static readonly CallerIdentity Admin = new(
        "AKIADIRECTACCESSADMIN", "directaccess-local-admin-secret", null, null, true, null,
        $"arn:aws:iam::{Account}:root", Account, null, null, []);

    public static ICredentialStore Store() => new FixedCredentialStore([LongTerm, Temporary, Expired, Admin]);
}

/// <summary>An <see cref="ICredentialStore"/> over a fixed list (lookup only).</summary>
public sealed class FixedCredentialStore(IEnumerable<CallerIdentity> callers) : ICredentialStore
{
    private readonly Dictionary<string, CallerIdentity> _byKey = callers.ToDictionary(c => c.AccessKeyId);

    public CallerIdentity? Find(string accessKeyId) => _byKey.GetValueOrDefault(accessKeyId);

    public CallerIdentity IssueRoleSession(string roleArn, string sessionName, TimeSpan lifetime, string? identityId,
        string? identityPoolId, IReadOnlyList<string> amr) => throw new NotSupportedException("tests issue no sessions");
}
