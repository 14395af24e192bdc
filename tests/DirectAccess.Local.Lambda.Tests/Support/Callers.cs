using DirectAccess.Local.Model;
using DirectAccess.Local.Security;

namespace DirectAccess.Local.Lambda.Tests.Support;

/// <summary>Identity-pool callers, issued the way the identity pool issues them (session <c>CognitoIdentityCredentials</c>).</summary>
public static class Callers
{
    /// <summary>Credentials for the role of <paramref name="roleLogicalId"/> (e.g. <c>UploadersRole</c>) for a new identity id.</summary>
    public static CallerIdentity Cognito(ICredentialStore store, StackModel stack, string roleLogicalId)
    {
        var role = stack.Roles.Single(r => r.LogicalId == roleLogicalId);
        var pool = stack.IdentityPools.Single();
        var userPool = stack.UserPools.Single();
        var provider = $"cognito-idp.{stack.Region}.amazonaws.com/{userPool.Id}";
        var identityId = $"{stack.Region}:{Guid.NewGuid()}";
        return store.IssueRoleSession(role.Arn, "CognitoIdentityCredentials", TimeSpan.FromHours(1), identityId, pool.Id,
            ["authenticated", provider, $"{provider}:CognitoSignIn:{Guid.NewGuid()}"]);
    }
}
