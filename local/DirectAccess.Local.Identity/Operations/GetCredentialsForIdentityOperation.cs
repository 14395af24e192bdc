using System.Text.Json.Nodes;
using DirectAccess.Local.Identity.Protocol;
using DirectAccess.Local.Identity.Roles;
using DirectAccess.Local.Model;
using DirectAccess.Local.Security;

namespace DirectAccess.Local.Identity.Operations;

/// <summary>
/// <c>GetCredentialsForIdentity {IdentityId, Logins, CustomRoleArn?} → {IdentityId, Credentials{AccessKeyId,
/// SecretKey, SessionToken, Expiration}}</c> (enhanced flow): validated login, role from <see cref="RoleResolver"/>,
/// trust checked by <see cref="TrustGate"/>, credentials for session <c>CognitoIdentityCredentials</c> bound to role,
/// identity, pool and <c>amr</c>, lasting <see cref="LocalCloudOptions.CredentialLifetime"/>; <c>Expiration</c> in
/// epoch seconds (JSON number). A missing role or a refusing trust policy is
/// <c>InvalidIdentityPoolConfigurationException</c>.
/// </summary>
public sealed class GetCredentialsForIdentityOperation(IdentityLogin identityLogin, StackModel stack, ICredentialStore credentials, LocalCloudOptions options)
    : IIdentityPoolOperation
{
    /// <summary>The role session name Cognito uses.</summary>
    public const string SessionName = "CognitoIdentityCredentials";

    /// <inheritdoc />
    public string Name => "GetCredentialsForIdentity";

    /// <inheritdoc />
    public JsonObject Execute(IdentityPoolCall call)
    {
        var customRoleArn = call.Input.String("CustomRoleArn", 20, 2048);
        var (identity, pool, login) = identityLogin.Authenticate(call);
        var roleArn = RoleResolver.Resolve(pool, login, customRoleArn);
        var role = stack.FindRole(roleArn) ?? throw IdentityPoolException.InvalidConfiguration();
        if (!TrustGate.Allows(role, pool.Id, identity.IdentityId, login.Amr))
        {
            throw IdentityPoolException.InvalidConfiguration();
        }

        var issued = credentials.IssueRoleSession(role.Arn, SessionName, options.CredentialLifetime, identity.IdentityId, pool.Id, login.Amr);
        return new JsonObject
        {
            ["IdentityId"] = identity.IdentityId,
            ["Credentials"] = new JsonObject
            {
                ["AccessKeyId"] = issued.AccessKeyId,
                ["SecretKey"] = issued.SecretAccessKey,
                ["SessionToken"] = issued.SessionToken,
                ["Expiration"] = issued.Expiration!.Value.ToUnixTimeSeconds(),
            },
        };
    }
}
