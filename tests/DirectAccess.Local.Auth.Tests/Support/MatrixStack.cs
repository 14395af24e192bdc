using DirectAccess.Local.Model;
using DirectAccess.Local.Security;
using DirectAccess.Policies;
using DirectAccess.Policies.Templates;

namespace DirectAccess.Local.Auth.Tests.Support;

/// <summary>The roles of <c>policies/access-matrix.json</c> as stack roles, and callers holding their sessions.</summary>
public sealed class MatrixStack
{
    public MatrixStack()
    {
        Matrix = AccessMatrix.Load(Path.Combine(RepoRoot.Policies, "access-matrix.json"));
        var trust = PolicyTemplate.LoadPolicy(Path.Combine(RepoRoot.Policies, "roles", "trust.json"), Matrix.Parameters);
        Roles = Matrix.Roles.Keys
            .Select(name => new RoleModel(name, name, RoleArn(name), trust, [Matrix.LoadRolePolicy(name)], TimeSpan.FromHours(1)))
            .ToList();
    }

    public AccessMatrix Matrix { get; }

    public IReadOnlyList<RoleModel> Roles { get; }

    public string IdentityPoolId => Matrix.Parameters["IdentityPool"];

    public string Bucket => Matrix.Parameters["UploadBucket"];

    public static string RoleArn(string role) => $"arn:aws:iam::{TestKeys.Account}:role/{role}";

    /// <summary>An identity-pool session of <paramref name="role"/> for <paramref name="identityId"/>.</summary>
    public CallerIdentity Caller(string role, string identityId, IReadOnlyList<string>? amr = null) => new(
        "ASIA" + role.ToUpperInvariant(), "secret", "token", DateTimeOffset.UtcNow.AddHours(1), false, RoleArn(role),
        $"arn:aws:sts::{TestKeys.Account}:assumed-role/{role}/CognitoIdentityCredentials",
        $"AROA{role.ToUpperInvariant()}:CognitoIdentityCredentials", identityId, IdentityPoolId,
        amr ?? ["authenticated", "cognito-idp.us-east-1.amazonaws.com/us-east-1_DirAccess1"]);
}
