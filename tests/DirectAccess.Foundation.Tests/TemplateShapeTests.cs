using System.Text.Json.Nodes;

namespace DirectAccess.Foundation.Tests;

/// <summary>The template's security-relevant settings, as issue 2 specifies them.</summary>
public sealed class TemplateShapeTests
{
    private static readonly JsonObject Template = CloudFormationYaml.Load(RepoRoot.File("template.yaml"));

    private static JsonNode Properties(string logicalId) => Template["Resources"]![logicalId]!["Properties"]!;

    [Test]
    public void Is_a_SAM_template()
    {
        Assert.That((string?)Template["Transform"], Is.EqualTo("AWS::Serverless-2016-10-31"));
    }

    [TestCase("AdminsGroup", "admins", "0", "AdminsRole")]
    [TestCase("UploadersGroup", "uploaders", "1", "UploadersRole")]
    [TestCase("ViewersGroup", "viewers", "2", "ViewersRole")]
    public void Groups_have_precedence_and_their_own_role(string logicalId, string name, string precedence, string role)
    {
        var group = Properties(logicalId);
        Assert.That((string?)group["GroupName"], Is.EqualTo(name));
        Assert.That((string?)group["Precedence"], Is.EqualTo(precedence));
        Assert.That((string?)group["RoleArn"]!["Fn::GetAtt"], Is.EqualTo(role + ".Arn"));
    }

    [Test]
    public void App_client_has_no_secret_and_exactly_the_three_flows_and_explicit_lifetimes()
    {
        var client = Properties("UserPoolClient");
        Assert.That((string?)client["GenerateSecret"], Is.EqualTo("false"));
        Assert.That(client["ExplicitAuthFlows"]!.AsArray().Select(f => (string?)f),
            Is.EquivalentTo(new[] { "ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH" }));
        foreach (var key in new[] { "IdTokenValidity", "AccessTokenValidity", "RefreshTokenValidity", "TokenValidityUnits" })
        {
            Assert.That(client[key], Is.Not.Null, key);
        }
    }

    [Test]
    public void Identity_pool_refuses_guests_and_the_classic_flow()
    {
        var pool = Properties("IdentityPool");
        Assert.That((string?)pool["AllowUnauthenticatedIdentities"], Is.EqualTo("false"));
        Assert.That((string?)pool["AllowClassicFlow"], Is.EqualTo("false"));
    }

    [Test]
    public void Role_attachment_maps_roles_from_the_token_and_denies_when_ambiguous()
    {
        var attachment = Properties("IdentityPoolRoles");
        Assert.That(attachment["Roles"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "authenticated" }));
        var mapping = attachment["RoleMappings"]!.AsObject().Single().Value!;
        Assert.That((string?)mapping["Type"], Is.EqualTo("Token"));
        Assert.That((string?)mapping["AmbiguousRoleResolution"], Is.EqualTo("Deny"));
        Assert.That(mapping["IdentityProvider"], Is.Not.Null, "map keys cannot be computed; IdentityProvider must name the provider");
    }

    [Test]
    public void Bucket_blocks_public_access_encrypts_and_aborts_stale_multipart_uploads()
    {
        var bucket = Properties("UploadBucket");
        var block = bucket["PublicAccessBlockConfiguration"]!.AsObject();
        Assert.That(block.Select(p => (string?)p.Value).ToList(), Has.Count.EqualTo(4).And.All.EqualTo("true"));
        Assert.That(bucket["BucketEncryption"], Is.Not.Null);
        var rule = bucket["LifecycleConfiguration"]!["Rules"]!.AsArray().Single()!;
        Assert.That((string?)rule["AbortIncompleteMultipartUpload"]!["DaysAfterInitiation"], Is.EqualTo("7"));
        Assert.That(bucket["CorsConfiguration"], Is.Not.Null);
    }

    [TestCase("WhoAmI")]
    [TestCase("ProcessUpload")]
    [TestCase("ShareFile")]
    [TestCase("AdminReport")]
    public void Functions_share_one_worker_chosen_by_DIRECTACCESS_FUNCTION_with_their_own_role(string name)
    {
        var function = Properties(name + "Function");
        Assert.That((string?)function["CodeUri"], Is.EqualTo("functions/DirectAccess.Functions"));
        Assert.That((string?)function["Environment"]!["Variables"]!["DIRECTACCESS_FUNCTION"], Is.EqualTo(name));
        Assert.That((string?)function["Role"]!["Fn::GetAtt"], Is.EqualTo(name + "FunctionRole.Arn"));
        Assert.That(function["Policies"], Is.Null, "no SAM policy templates: the local cloud enforces what is written");
    }

    [Test]
    public void Outputs_are_the_config_keys_the_sdk_reads()
    {
        Assert.That(Template["Outputs"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[]
        {
            "Region", "UserPoolId", "UserPoolClientId", "IdentityPoolId", "UploadBucketName",
            "WhoAmIFunctionName", "ProcessUploadFunctionName", "ShareFileFunctionName", "AdminReportFunctionName",
        }));
    }
}
