namespace DirectAccess.Local.Template.Resolution;

/// <summary>
/// The local values of <c>Ref</c> and <c>Fn::GetAtt</c> per resource type, as the CloudFormation resource type
/// reference documents them ("Return values"), and the physical names the model uses (so a model and every reference
/// to it agree). Generated names follow CloudFormation's <c>&lt;stack&gt;-&lt;LogicalId&gt;-&lt;SUFFIX&gt;</c> shape.
/// </summary>
internal sealed class ResourceAttributes(LocalIds ids, string region, string accountId)
{
    /// <summary>The resource types the local cloud honours.</summary>
    public static readonly IReadOnlySet<string> SupportedTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "AWS::Cognito::UserPool", "AWS::Cognito::UserPoolClient", "AWS::Cognito::UserPoolGroup",
        "AWS::Cognito::IdentityPool", "AWS::Cognito::IdentityPoolRoleAttachment", "AWS::IAM::Role",
        "AWS::S3::Bucket", "AWS::Serverless::Function",
    };

    /// <summary>What <c>Ref</c> returns.</summary>
    public string Ref(ResourceDefinition resource, ReferenceTable names) => resource.Type switch
    {
        "AWS::Cognito::UserPool" => ids.UserPoolId(resource.LogicalId),
        "AWS::Cognito::UserPoolClient" => ids.ClientId(resource.LogicalId),
        "AWS::Cognito::UserPoolGroup" => GroupName(resource, names),
        "AWS::Cognito::IdentityPool" => ids.IdentityPoolId(resource.LogicalId),
        "AWS::Cognito::IdentityPoolRoleAttachment" => ids.Uuid(resource.LogicalId, "attachment").ToString(),
        "AWS::IAM::Role" => RoleName(resource, names),
        "AWS::S3::Bucket" => BucketName(resource, names),
        "AWS::Serverless::Function" => FunctionName(resource, names),
        _ => throw new PropertyPath(resource.LogicalId, "Type").Error($"Resource type '{resource.Type}' is not supported locally."),
    };

    /// <summary>What <c>Fn::GetAtt</c> returns, or null when the type has no such attribute locally.</summary>
    public string? GetAtt(ResourceDefinition resource, string attribute, ReferenceTable names) => (resource.Type, attribute) switch
    {
        ("AWS::Cognito::UserPool", "Arn") => UserPoolArn(resource.LogicalId),
        ("AWS::Cognito::UserPool", "ProviderName") => ProviderName(resource.LogicalId),
        ("AWS::Cognito::UserPool", "ProviderURL") => "https://" + ProviderName(resource.LogicalId),
        ("AWS::Cognito::UserPool", "UserPoolId") => ids.UserPoolId(resource.LogicalId),
        ("AWS::Cognito::UserPoolClient", "ClientId") => ids.ClientId(resource.LogicalId),
        ("AWS::Cognito::UserPoolClient", "Name") => names.NameProperty(resource, "ClientName") ?? resource.LogicalId,
        ("AWS::Cognito::IdentityPool", "Id") => ids.IdentityPoolId(resource.LogicalId),
        ("AWS::Cognito::IdentityPool", "Name") => IdentityPoolName(resource, names),
        ("AWS::IAM::Role", "Arn") => RoleArn(resource, names),
        ("AWS::IAM::Role", "RoleId") => RoleIds.For(RoleArn(resource, names)),
        ("AWS::S3::Bucket", "Arn") => "arn:aws:s3:::" + BucketName(resource, names),
        ("AWS::S3::Bucket", "DomainName") => BucketName(resource, names) + ".s3.amazonaws.com",
        ("AWS::S3::Bucket", "RegionalDomainName") => $"{BucketName(resource, names)}.s3.{region}.amazonaws.com",
        ("AWS::Serverless::Function", "Arn") => FunctionArn(FunctionName(resource, names)),
        _ => null,
    };

    /// <summary><c>arn:aws:cognito-idp:&lt;region&gt;:&lt;acct&gt;:userpool/&lt;poolId&gt;</c>.</summary>
    public string UserPoolArn(string logicalId) => $"arn:aws:cognito-idp:{region}:{accountId}:userpool/{ids.UserPoolId(logicalId)}";

    /// <summary><c>cognito-idp.&lt;region&gt;.amazonaws.com/&lt;poolId&gt;</c>: the <c>Logins</c> key and issuer host/path.</summary>
    public string ProviderName(string logicalId) => $"cognito-idp.{region}.amazonaws.com/{ids.UserPoolId(logicalId)}";

    /// <summary><c>arn:aws:lambda:&lt;region&gt;:&lt;acct&gt;:function:&lt;name&gt;</c>.</summary>
    public string FunctionArn(string functionName) => $"arn:aws:lambda:{region}:{accountId}:function:{functionName}";

    /// <summary>The group's <c>GroupName</c>, or a generated one.</summary>
    public string GroupName(ResourceDefinition resource, ReferenceTable names) =>
        names.NameProperty(resource, "GroupName") ?? Generated(resource.LogicalId, 128);

    /// <summary>The identity pool's <c>IdentityPoolName</c>, or its logical id.</summary>
    public string IdentityPoolName(ResourceDefinition resource, ReferenceTable names) =>
        names.NameProperty(resource, "IdentityPoolName") ?? resource.LogicalId;

    /// <summary>The role's <c>RoleName</c>, or <c>&lt;stack&gt;-&lt;LogicalId&gt;-&lt;SUFFIX&gt;</c> (≤ 64 chars).</summary>
    public string RoleName(ResourceDefinition resource, ReferenceTable names) =>
        names.NameProperty(resource, "RoleName") ?? Generated(resource.LogicalId, 64);

    /// <summary><c>arn:aws:iam::&lt;acct&gt;:role&lt;Path&gt;&lt;RoleName&gt;</c> (<c>Path</c> defaults to <c>/</c>).</summary>
    public string RoleArn(ResourceDefinition resource, ReferenceTable names) =>
        $"arn:aws:iam::{accountId}:role{names.NameProperty(resource, "Path") ?? "/"}{RoleName(resource, names)}";

    /// <summary>The function's <c>FunctionName</c>, or a generated one (≤ 64 chars).</summary>
    public string FunctionName(ResourceDefinition resource, ReferenceTable names) =>
        names.NameProperty(resource, "FunctionName") ?? Generated(resource.LogicalId, 64);

    /// <summary>The bucket's <c>BucketName</c>, or a generated lowercase DNS-safe one (≤ 63 chars).</summary>
    public string BucketName(ResourceDefinition resource, ReferenceTable names)
    {
        var explicitName = names.NameProperty(resource, "BucketName");
        if (explicitName is not null)
        {
            return explicitName;
        }

        var dnsSafe = new string(Generated(resource.LogicalId, 63).ToLowerInvariant()
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        return dnsSafe.Trim('-');
    }

    /// <summary><c>&lt;stack&gt;-&lt;LogicalId&gt;-&lt;SUFFIX&gt;</c>, the prefix shortened to fit <paramref name="maxLength"/>.</summary>
    private string Generated(string logicalId, int maxLength)
    {
        var suffix = "-" + ids.Suffix(logicalId);
        var prefix = $"{ids.StackName}-{logicalId}";
        return prefix[..Math.Min(prefix.Length, maxLength - suffix.Length)] + suffix;
    }
}
