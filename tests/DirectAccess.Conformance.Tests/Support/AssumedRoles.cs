using DirectAccess.Local.Model;

namespace DirectAccess.Conformance.Tests.Support;

/// <summary>
/// The session ARN a matrix role's callers act as: the role of the user pool group of that name, or for
/// <c>default</c> the identity pool's authenticated role; as STS names it,
/// <c>arn:aws:sts::&lt;account&gt;:assumed-role/&lt;RoleName&gt;/CognitoIdentityCredentials</c> (REFERENCE §2).
/// </summary>
public static class AssumedRoles
{
    public static string SessionArnOf(StackModel stack, string matrixRole)
    {
        var roleArn = stack.UserPools.SelectMany(p => p.Groups).FirstOrDefault(g => g.Name == matrixRole)?.RoleArn
            ?? (matrixRole == "default" ? stack.IdentityPools.Single().AuthenticatedRoleArn : null)
            ?? throw new InvalidOperationException($"no group or default role for matrix role {matrixRole}");
        var role = stack.FindRole(roleArn) ?? throw new InvalidOperationException($"role {roleArn} is not in the stack");
        var partition = roleArn.Split(':')[1];
        return $"arn:{partition}:sts::{stack.AccountId}:assumed-role/{role.Name}/CognitoIdentityCredentials";
    }
}
