using DirectAccess.Policies;

namespace DirectAccess.Local.Model;

/// <summary>
/// The SAM template resolved to local ids and ARNs: what the local cloud serves and enforces. Built once at start-up
/// by the template loader; immutable afterwards.
/// </summary>
public sealed record StackModel(
    string Region,
    string AccountId,
    IReadOnlyDictionary<string, string> Outputs,
    IReadOnlyList<UserPoolModel> UserPools,
    IReadOnlyList<IdentityPoolModel> IdentityPools,
    IReadOnlyList<RoleModel> Roles,
    IReadOnlyList<BucketModel> Buckets,
    IReadOnlyList<FunctionModel> Functions)
{
    /// <summary>The role with ARN <paramref name="roleArn"/>, or null.</summary>
    public RoleModel? FindRole(string roleArn) => Roles.FirstOrDefault(r => r.Arn == roleArn);
}

/// <summary>A Cognito user pool. <paramref name="Id"/> is <c>&lt;region&gt;_&lt;9 alphanumerics&gt;</c>.</summary>
public sealed record UserPoolModel(
    string LogicalId,
    string Id,
    string Name,
    string Arn,
    PasswordPolicyModel PasswordPolicy,
    IReadOnlyList<string> UsernameAttributes,
    IReadOnlyList<string> AutoVerifiedAttributes,
    IReadOnlyList<UserPoolClientModel> Clients,
    IReadOnlyList<GroupModel> Groups)
{
    /// <summary>Token issuer, as AWS writes it: <c>https://cognito-idp.&lt;region&gt;.amazonaws.com/&lt;poolId&gt;</c>.</summary>
    public string Issuer(string region) => $"https://cognito-idp.{region}.amazonaws.com/{Id}";
}

/// <summary>User pool password policy (lengths in characters).</summary>
public sealed record PasswordPolicyModel(int MinimumLength, bool RequireLowercase, bool RequireUppercase, bool RequireNumbers, bool RequireSymbols);

/// <summary>An app client. Validity durations are absolute (already converted from the template's units).</summary>
public sealed record UserPoolClientModel(
    string LogicalId,
    string ClientId,
    string Name,
    IReadOnlyList<string> ExplicitAuthFlows,
    TimeSpan IdTokenValidity,
    TimeSpan AccessTokenValidity,
    TimeSpan RefreshTokenValidity,
    string? ClientSecret);

/// <summary>A user pool group; lower <paramref name="Precedence"/> wins; null ranks below all numbered ones.</summary>
public sealed record GroupModel(string Name, int? Precedence, string? RoleArn, string? Description);

/// <summary>A Cognito identity pool with its role attachment.</summary>
public sealed record IdentityPoolModel(
    string LogicalId,
    string Id,
    string Name,
    bool AllowUnauthenticatedIdentities,
    bool AllowClassicFlow,
    IReadOnlyList<IdentityProviderModel> Providers,
    string? AuthenticatedRoleArn,
    string? UnauthenticatedRoleArn,
    IReadOnlyList<RoleMappingModel> RoleMappings);

/// <summary>A user pool provider of an identity pool: <c>cognito-idp.&lt;region&gt;.amazonaws.com/&lt;poolId&gt;</c> and client id.</summary>
public sealed record IdentityProviderModel(string ProviderName, string ClientId, bool ServerSideTokenCheck);

/// <summary>A role mapping: <c>Token</c> or <c>Rules</c>, for the provider <c>&lt;ProviderName&gt;:&lt;ClientId&gt;</c>.</summary>
public sealed record RoleMappingModel(string IdentityProvider, string Type, string AmbiguousRoleResolution, IReadOnlyList<MappingRuleModel> Rules);

/// <summary>One rule of a <c>Rules</c> mapping. MatchType: Equals | Contains | StartsWith | NotEqual.</summary>
public sealed record MappingRuleModel(string Claim, string MatchType, string Value, string RoleArn);

/// <summary>An IAM role: its trust policy and identity policies, parsed by the policy engine.</summary>
public sealed record RoleModel(
    string LogicalId,
    string Name,
    string Arn,
    PolicyDocument TrustPolicy,
    IReadOnlyList<PolicyDocument> Policies,
    TimeSpan MaxSessionDuration);

/// <summary>An S3 bucket.</summary>
public sealed record BucketModel(string LogicalId, string Name, string Arn);

/// <summary>A Lambda function served by the functions worker.</summary>
public sealed record FunctionModel(
    string LogicalId,
    string Name,
    string Arn,
    string RoleArn,
    TimeSpan Timeout,
    int MemorySizeMb,
    IReadOnlyDictionary<string, string> Environment,
    string CodeUri,
    string Handler,
    string Runtime);
