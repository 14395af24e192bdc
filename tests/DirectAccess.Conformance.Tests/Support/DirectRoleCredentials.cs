using Amazon.Runtime;
using DirectAccess.Local;
using DirectAccess.Local.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Conformance.Tests.Support;

/// <summary>Role-session credentials issued by the cloud's own credential store, as the identity pool would issue them.</summary>
public static class DirectRoleCredentials
{
    /// <summary>Credentials for the role with logical id <paramref name="roleLogicalId"/>, bound to <paramref name="identityId"/>.</summary>
    public static AWSCredentials Issue(LocalCloud cloud, string roleLogicalId, string identityId)
    {
        var role = cloud.Stack.Roles.Single(r => r.LogicalId == roleLogicalId);
        var pool = cloud.Stack.IdentityPools.Single();
        var provider = $"cognito-idp.{cloud.Options.Region}.amazonaws.com/{cloud.Stack.UserPools.Single().Id}";
        var issued = cloud.Services.GetRequiredService<ICredentialStore>().IssueRoleSession(role.Arn, "CognitoIdentityCredentials",
            TimeSpan.FromHours(1), identityId, pool.Id, ["authenticated", provider, $"{provider}:CognitoSignIn:{Guid.NewGuid()}"]);
        return new SessionAWSCredentials(issued.AccessKeyId, issued.SecretAccessKey, issued.SessionToken);
    }
}
