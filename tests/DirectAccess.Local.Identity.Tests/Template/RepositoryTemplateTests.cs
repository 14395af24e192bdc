using System.Text.RegularExpressions;
using DirectAccess.Local;
using DirectAccess.Local.Model;
using DirectAccess.Local.Template;
using DirectAccess.Testing;

namespace DirectAccess.Local.Identity.Tests.Template;

/// <summary>The repository's template.yaml resolves into the local model: id formats, roles, policies, outputs.</summary>
public sealed class RepositoryTemplateTests
{
    private static readonly LocalCloudOptions Options = new() { DataDir = "unused", TemplatePath = RepoPaths.Template };

    private StackModel _stack = null!;

    [OneTimeSetUp]
    public void Load() => _stack = TemplateLoader.Load(RepoPaths.Template, Options);

    [Test]
    public void User_pool_and_client_ids_have_AWS_formats()
    {
        var pool = _stack.UserPools.Single();
        Assert.That(pool.Id, Does.Match(@"^us-east-1_[0-9A-Za-z]{9}$"));
        Assert.That(pool.Arn, Is.EqualTo($"arn:aws:cognito-idp:us-east-1:000000000000:userpool/{pool.Id}"));
        Assert.That(pool.Name, Is.EqualTo("directaccess-users"));
        Assert.That(pool.PasswordPolicy, Is.EqualTo(new PasswordPolicyModel(12, true, true, true, false)));
        var client = pool.Clients.Single();
        Assert.That(client.ClientId, Does.Match("^[a-z0-9]{26}$"));
        Assert.That(client.ClientSecret, Is.Null);
        Assert.That(client.IdTokenValidity, Is.EqualTo(TimeSpan.FromMinutes(60)));
        Assert.That(client.RefreshTokenValidity, Is.EqualTo(TimeSpan.FromDays(30)));
        Assert.That(client.ExplicitAuthFlows, Does.Contain("ALLOW_USER_SRP_AUTH"));
    }

    [Test]
    public void Groups_carry_precedence_and_role_arns()
    {
        var groups = _stack.UserPools.Single().Groups.ToDictionary(g => g.Name);
        Assert.That(groups.Keys, Is.EquivalentTo(new[] { "admins", "uploaders", "viewers" }));
        Assert.That(groups["admins"].Precedence, Is.Zero);
        Assert.That(groups["viewers"].Precedence, Is.EqualTo(2));
        Assert.That(groups["uploaders"].RoleArn, Is.EqualTo(_stack.Roles.Single(r => r.LogicalId == "UploadersRole").Arn));
    }

    [Test]
    public void Identity_pool_has_provider_token_mapping_and_default_role()
    {
        var pool = _stack.IdentityPools.Single();
        var userPool = _stack.UserPools.Single();
        Assert.That(pool.Id, Does.Match(@"^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        Assert.That(pool.AllowClassicFlow, Is.False);
        Assert.That(pool.AllowUnauthenticatedIdentities, Is.False);
        var provider = pool.Providers.Single();
        Assert.That(provider.ProviderName, Is.EqualTo($"cognito-idp.us-east-1.amazonaws.com/{userPool.Id}"));
        Assert.That(provider.ClientId, Is.EqualTo(userPool.Clients.Single().ClientId));
        Assert.That(pool.AuthenticatedRoleArn, Is.EqualTo(_stack.Roles.Single(r => r.LogicalId == "DefaultAuthenticatedRole").Arn));
        var mapping = pool.RoleMappings.Single();
        Assert.That(mapping.IdentityProvider, Is.EqualTo($"{provider.ProviderName}:{provider.ClientId}"));
        Assert.That((mapping.Type, mapping.AmbiguousRoleResolution), Is.EqualTo(("Token", "Deny")));
    }

    [Test]
    public void Roles_have_generated_names_arns_and_parsed_policies()
    {
        Assert.That(_stack.Roles, Has.Count.EqualTo(8));
        var uploaders = _stack.Roles.Single(r => r.LogicalId == "UploadersRole");
        Assert.That(uploaders.Name, Does.Match("^directaccess-UploadersRole-[A-Z0-9]{12}$"));
        Assert.That(uploaders.Arn, Is.EqualTo("arn:aws:iam::000000000000:role/" + uploaders.Name));
        Assert.That(uploaders.MaxSessionDuration, Is.EqualTo(TimeSpan.FromHours(1)));
        Assert.That(uploaders.Policies.Single().StatementCount, Is.EqualTo(6));
        Assert.That(uploaders.TrustPolicy.StatementCount, Is.EqualTo(1));
    }

    [Test]
    public void Bucket_and_functions_resolve()
    {
        var bucket = _stack.Buckets.Single();
        Assert.That(bucket.Name, Does.Match("^directaccess-uploadbucket-[a-z0-9]{12}$"));
        Assert.That(bucket.Arn, Is.EqualTo("arn:aws:s3:::" + bucket.Name));
        var whoAmI = _stack.Functions.Single(f => f.LogicalId == "WhoAmIFunction");
        Assert.That(whoAmI.Name, Is.EqualTo("directaccess-WhoAmI"));
        Assert.That(whoAmI.Arn, Is.EqualTo("arn:aws:lambda:us-east-1:000000000000:function:directaccess-WhoAmI"));
        Assert.That(whoAmI.Timeout, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(whoAmI.MemorySizeMb, Is.EqualTo(256));
        Assert.That(whoAmI.Environment["UPLOAD_BUCKET"], Is.EqualTo(bucket.Name));
        Assert.That(whoAmI.RoleArn, Is.EqualTo(_stack.Roles.Single(r => r.LogicalId == "WhoAmIFunctionRole").Arn));
        Assert.That((whoAmI.CodeUri, whoAmI.Handler, whoAmI.Runtime), Is.EqualTo(("functions/DirectAccess.Functions", "bootstrap", "provided.al2023")));
    }

    [Test]
    public void Outputs_resolve_to_local_values()
    {
        Assert.That(_stack.Outputs.Keys, Is.EquivalentTo(new[]
        {
            "Region", "UserPoolId", "UserPoolClientId", "IdentityPoolId", "UploadBucketName", "WhoAmIFunctionName",
            "ProcessUploadFunctionName", "ShareFileFunctionName", "AdminReportFunctionName",
        }));
        Assert.That(_stack.Outputs["Region"], Is.EqualTo("us-east-1"));
        Assert.That(_stack.Outputs["UserPoolId"], Is.EqualTo(_stack.UserPools.Single().Id));
        Assert.That(_stack.Outputs["IdentityPoolId"], Is.EqualTo(_stack.IdentityPools.Single().Id));
        Assert.That(_stack.Outputs["UploadBucketName"], Is.EqualTo(_stack.Buckets.Single().Name));
        Assert.That(_stack.Outputs["AdminReportFunctionName"], Is.EqualTo("directaccess-AdminReport"));
    }

    [Test]
    public void Ids_are_deterministic_and_depend_on_stack_and_region()
    {
        var again = TemplateLoader.Load(RepoPaths.Template, Options);
        var other = TemplateLoader.Load(RepoPaths.Template, Options with { StackName = "other", Region = "eu-west-1" });
        Assert.That(again.Outputs, Is.EqualTo(_stack.Outputs));
        Assert.That(other.UserPools.Single().Id, Does.StartWith("eu-west-1_"));
        Assert.That(other.IdentityPools.Single().Id, Is.Not.EqualTo(_stack.IdentityPools.Single().Id.Replace("us-east-1", "eu-west-1", StringComparison.Ordinal)));
        Assert.That(other.Functions.Select(f => f.Name), Does.Contain("other-WhoAmI"));
    }
}
