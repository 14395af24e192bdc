using System.Collections.Concurrent;
using System.Security.Cryptography;
using DirectAccess.Local;
using DirectAccess.Local.Security;

namespace DirectAccess.Local.Lambda.Tests.Support;

/// <summary>
/// A stand-in <see cref="ICredentialStore"/> for the in-test host: the admin key plus role sessions issued on demand,
/// shaped like the identity area's (ASIA keys, assumed-role ARNs).
/// </summary>
public sealed class InMemoryCredentialStore : ICredentialStore
{
    private readonly ConcurrentDictionary<string, CallerIdentity> _keys = new(StringComparer.Ordinal);
    private readonly string _accountId;

    public InMemoryCredentialStore(LocalCloudOptions options)
    {
        _accountId = options.AccountId;
        Admin = new CallerIdentity(options.AdminAccessKeyId, options.AdminSecretAccessKey, null, null, true, null,
            $"arn:aws:iam::{_accountId}:root", _accountId, null, null, []);
        _keys[Admin.AccessKeyId] = Admin;
    }

    public CallerIdentity Admin { get; }

    /// <summary>Every session issued so far (worker credentials included).</summary>
    public IReadOnlyCollection<CallerIdentity> Issued => _keys.Values.Where(k => !k.IsAdministrator).ToArray();

    public CallerIdentity? Find(string accessKeyId) => _keys.GetValueOrDefault(accessKeyId);

    public CallerIdentity IssueRoleSession(string roleArn, string sessionName, TimeSpan lifetime, string? identityId,
        string? identityPoolId, IReadOnlyList<string> amr)
    {
        var roleName = roleArn[(roleArn.LastIndexOf('/') + 1)..];
        var caller = new CallerIdentity(
            "ASIA" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)),
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            DateTimeOffset.UtcNow + lifetime,
            false,
            roleArn,
            $"arn:aws:sts::{_accountId}:assumed-role/{roleName}/{sessionName}",
            $"AROA{Convert.ToHexString(RandomNumberGenerator.GetBytes(8))}:{sessionName}",
            identityId,
            identityPoolId,
            amr);
        _keys[caller.AccessKeyId] = caller;
        return caller;
    }
}
