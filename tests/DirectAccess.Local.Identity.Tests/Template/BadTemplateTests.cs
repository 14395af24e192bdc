using DirectAccess.Local;
using DirectAccess.Local.Model;
using DirectAccess.Local.Template;

namespace DirectAccess.Local.Identity.Tests.Template;

/// <summary>Templates the local cloud cannot honour fail at load, naming the resource and property.</summary>
public sealed class BadTemplateTests
{
    private static readonly LocalCloudOptions Options = new() { DataDir = "unused", TemplatePath = "unused" };

    private const string GoodRole = """
        Resources:
          AppRole:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: { Service: lambda.amazonaws.com }
                    Action: sts:AssumeRole
        """;

    private static TemplateException Refused(string yaml) =>
        Assert.Throws<TemplateException>(() => TemplateLoader.Parse(yaml, Options))!;

    [Test]
    public void A_minimal_role_template_loads()
    {
        var stack = TemplateLoader.Parse(GoodRole, Options);
        Assert.That(stack.Roles.Single().Name, Does.StartWith("directaccess-AppRole-"));
    }

    [Test]
    public void Unknown_resource_type_names_resource_and_Type()
    {
        var e = Refused(GoodRole + "\n  Queue:\n    Type: AWS::SQS::Queue\n");
        Assert.That((e.Resource, e.Property), Is.EqualTo(("Queue", "Type")));
        Assert.That(e.Message, Does.Contain("AWS::SQS::Queue"));
    }

    [Test]
    public void Unknown_intrinsic_names_resource_and_property()
    {
        var e = Refused(GoodRole + "\n      RoleName: !Base64 abc\n");
        Assert.That((e.Resource, e.Property), Is.EqualTo(("AppRole", "RoleName")));
        Assert.That(e.Message, Does.Contain("Fn::Base64"));
    }

    [Test]
    public void Unparseable_policy_names_resource_and_property()
    {
        var yaml = GoodRole + """

                  Policies:
                    - PolicyName: broken
                      PolicyDocument:
                        Version: "2012-10-17"
                        Statement:
                          - Effect: Allow
                            Action: s3:GetObject
                            Resource: "*"
                            Condition:
                              StringLikee:
                                "s3:prefix": "a"
            """;
        var e = Refused(yaml);
        Assert.That((e.Resource, e.Property), Is.EqualTo(("AppRole", "Policies[0].PolicyDocument")));
        Assert.That(e.Message, Does.Contain("StringLikee"));
    }

    [Test]
    public void Unsupported_property_is_refused_not_ignored()
    {
        var e = Refused(GoodRole + "\n      ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]\n");
        Assert.That((e.Resource, e.Property), Is.EqualTo(("AppRole", "ManagedPolicyArns")));
        var unknown = Refused(GoodRole + "\n      Frobnicate: yes\n");
        Assert.That((unknown.Resource, unknown.Property), Is.EqualTo(("AppRole", "Frobnicate")));
    }

    [Test]
    public void Dangling_reference_is_refused()
    {
        var e = Refused(GoodRole + "\n      RoleName: !Ref Nowhere\n");
        Assert.That((e.Resource, e.Property), Is.EqualTo(("AppRole", "RoleName")));
        Assert.That(e.Message, Does.Contain("Nowhere"));
    }

    [Test]
    public void Conditions_If_Select_Split_Join_FindInMap_and_NoValue_resolve()
    {
        var yaml = """
            Parameters:
              Env: { Type: String, Default: prod }
            Mappings:
              Sizes: { prod: { Memory: "512" } }
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
              NotProd: !Not [!Condition IsProd]
              Both: !And [!Condition IsProd, !Or [!Condition NotProd, !Equals [a, a]]]
            Resources:
              Skipped:
                Type: AWS::S3::Bucket
                Condition: NotProd
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Join ["-", [!Select [1, !Split [",", "x,data,y"]], !If [Both, !FindInMap [Sizes, !Ref Env, Memory], small]]]
                  Tags: !If [IsProd, !Ref AWS::NoValue, []]
            Outputs:
              Name: { Value: !Sub "${Data}/${AWS::Region}/${!literal}" }
              Hidden: { Condition: NotProd, Value: !Ref Skipped }
            """;
        var stack = TemplateLoader.Parse(yaml, Options);
        Assert.That(stack.Buckets.Single().Name, Is.EqualTo("data-512"));
        Assert.That(stack.Outputs, Is.EqualTo(new Dictionary<string, string> { ["Name"] = "data-512/us-east-1/${literal}" }));
    }

    [Test]
    public void Reference_to_a_resource_whose_condition_is_false_is_refused()
    {
        var yaml = """
            Conditions:
              Never: !Equals [a, b]
            Resources:
              Skipped:
                Type: AWS::S3::Bucket
                Condition: Never
              Data:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub "${Skipped}-copy"
            """;
        var e = Refused(yaml);
        Assert.That((e.Resource, e.Property), Is.EqualTo(("Data", "BucketName")));
    }

    [Test]
    public void Sam_globals_merge_into_functions_and_long_forms_resolve()
    {
        var yaml = GoodRole + """

              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src
                  Handler: bootstrap
                  Runtime: provided.al2023
                  Role: { "Fn::GetAtt": [AppRole, Arn] }
                  Environment:
                    Variables:
                      OWN: { "Fn::Sub": ["${Name}-${AWS::AccountId}", { Name: { Ref: AWS::StackName } }] }
            Globals:
              Function:
                Timeout: 30
                MemorySize: 512
                Environment:
                  Variables:
                    SHARED: yes
            """;
        var function = TemplateLoader.Parse(yaml, Options).Functions.Single();
        Assert.That(function.Timeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
        Assert.That(function.MemorySizeMb, Is.EqualTo(512));
        Assert.That(function.Environment, Is.EqualTo(new Dictionary<string, string> { ["SHARED"] = "yes", ["OWN"] = "directaccess-000000000000" }));
        Assert.That(function.Name, Does.Match("^directaccess-Fn-[A-Z0-9]{12}$"));
    }

    [TestCase("Globals:\n  Api:\n    Cors: '*'\n", "Globals", "Api")]
    [TestCase("Transform: AWS::Include\n", "Transform", "(section)")]
    [TestCase("Rules: {}\n", "Rules", "(section)")]
    [TestCase("Parameters:\n  Stage: { Type: String }\n", "Parameters", "Stage")]
    public void Unsupported_sections_are_refused(string section, string resource, string property)
    {
        var e = Refused(section + GoodRole);
        Assert.That((e.Resource, e.Property), Is.EqualTo((resource, property)));
    }

    [Test]
    public void Identity_pool_allowing_guests_or_a_mapping_for_no_provider_is_refused()
    {
        const string pools = """
            Resources:
              Users: { Type: AWS::Cognito::UserPool }
              App: { Type: AWS::Cognito::UserPoolClient, Properties: { UserPoolId: !Ref Users } }
              Ids:
                Type: AWS::Cognito::IdentityPool
                Properties:
                  AllowUnauthenticatedIdentities: GUESTS
                  CognitoIdentityProviders: [{ ClientId: !Ref App, ProviderName: !GetAtt Users.ProviderName }]
              Attach:
                Type: AWS::Cognito::IdentityPoolRoleAttachment
                Properties:
                  IdentityPoolId: !Ref Ids
                  RoleMappings:
                    M: { IdentityProvider: MAPPED, Type: Token, AmbiguousRoleResolution: Deny }
            """;
        var guests = Refused(pools.Replace("GUESTS", "true", StringComparison.Ordinal).Replace("MAPPED", "!Sub '${Users.ProviderName}:${App}'", StringComparison.Ordinal));
        Assert.That((guests.Resource, guests.Property), Is.EqualTo(("Ids", "AllowUnauthenticatedIdentities")));
        var stray = Refused(pools.Replace("GUESTS", "false", StringComparison.Ordinal).Replace("MAPPED", "somewhere-else", StringComparison.Ordinal));
        Assert.That((stray.Resource, stray.Property), Is.EqualTo(("Attach", "RoleMappings.M")));
    }

    [Test]
    public void Unquoted_account_ids_in_policies_stay_strings()
    {
        var yaml = GoodRole + """

                  Policies:
                    - PolicyName: p
                      PolicyDocument:
                        Version: "2012-10-17"
                        Statement:
                          - Effect: Allow
                            Action: s3:GetObject
                            Resource: "*"
                            Condition:
                              StringEquals:
                                "aws:ResourceAccount": 000000000000
            """;
        var policies = DirectAccess.Policies.PolicySet.Compile(TemplateLoader.Parse(yaml, Options).Roles.Single().Policies);
        var request = new DirectAccess.Policies.RequestContext("s3:GetObject", "arn:aws:s3:::b/k").With("aws:ResourceAccount", "000000000000");
        Assert.That(policies.Evaluate(request).IsAllowed, Is.True);
    }
}
