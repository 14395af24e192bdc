using DirectAccess.Policies.Templates;

namespace DirectAccess.Policies.Tests;

/// <summary>CloudFormation !Sub placeholder filling before parsing.</summary>
public class PolicyTemplateTests
{
    private static readonly Dictionary<string, string> Parameters = new()
    {
        ["AWS::Partition"] = "aws",
        ["AWS::Region"] = "eu-west-1",
        ["UploadBucket"] = "b",
    };

    [Test]
    public void Fills_known_parameters_only()
    {
        var text = PolicyTemplate.Substitute("arn:${AWS::Partition}:s3:::${UploadBucket}/private/${cognito-identity.amazonaws.com:sub}/${Unknown}", Parameters);

        Assert.That(text, Is.EqualTo("arn:aws:s3:::b/private/${cognito-identity.amazonaws.com:sub}/${Unknown}"));
    }

    [Test]
    public void Bang_escape_becomes_a_literal_placeholder() =>
        Assert.That(PolicyTemplate.Substitute("x/${!cognito-identity.amazonaws.com:sub}/${!UploadBucket}", Parameters),
            Is.EqualTo("x/${cognito-identity.amazonaws.com:sub}/${UploadBucket}"));

    [Test]
    public void Leaves_unterminated_text_alone() =>
        Assert.That(PolicyTemplate.Substitute("a ${UploadBucket} ${AWS::Region", Parameters), Is.EqualTo("a b ${AWS::Region"));

    [Test]
    public void Refuses_values_that_would_break_json() =>
        Assert.That(() => PolicyTemplate.Substitute("${X}", new Dictionary<string, string> { ["X"] = "a\"b" }), Throws.ArgumentException);

    [Test]
    public void Loaded_role_policy_has_no_placeholders_but_keeps_iam_variables()
    {
        var matrix = AccessMatrix.Load(RepoPaths.AccessMatrix);
        var text = PolicyTemplate.Substitute(File.ReadAllText(matrix.RolePolicyPath("uploaders")), matrix.Parameters);

        Assert.That(text, Does.Not.Contain("${AWS::"));
        Assert.That(text, Does.Not.Contain("${UploadBucket}"));
        Assert.That(text, Does.Contain("${cognito-identity.amazonaws.com:sub}"));
        Assert.That(matrix.LoadRolePolicy("uploaders").Name, Is.EqualTo("uploaders.json"));
    }

    [Test]
    public void Unsubstituted_placeholders_make_statements_not_apply()
    {
        // Loaded raw, ${UploadBucket} is an IAM variable whose key is absent: the statement cannot allow anything.
        var raw = PolicySet.Compile([PolicyDocument.Load(Path.Combine(RepoPaths.Policies, "roles", "viewers.json"))]);

        var decision = raw.Evaluate(new RequestContext("s3:GetObject", "arn:aws:s3:::b/public/x"));

        Assert.That(decision.Kind, Is.EqualTo(DecisionKind.ImplicitDeny));
        Assert.That(decision.Misses.Single().Reason, Does.Contain("${AWS::Partition}"));
    }

    [Test]
    public void Caller_context_carries_cognito_and_global_keys()
    {
        var now = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
        var context = AccessMatrix.CallerContext("alice", "us-east-1:abc",
            new Dictionary<string, string> { ["AWS::Region"] = "us-east-1", ["IdentityPool"] = "us-east-1:pool", ["UserPool"] = "us-east-1_P" }, now);

        Assert.That(context["cognito-identity.amazonaws.com:sub"], Is.EqualTo(new[] { "us-east-1:abc" }));
        Assert.That(context["cognito-identity.amazonaws.com:aud"], Is.EqualTo(new[] { "us-east-1:pool" }));
        Assert.That(context["cognito-identity.amazonaws.com:amr"][0], Is.EqualTo("authenticated"));
        Assert.That(context["cognito-identity.amazonaws.com:amr"][1], Is.EqualTo("cognito-idp.us-east-1.amazonaws.com/us-east-1_P"));
        Assert.That(context["cognito-identity.amazonaws.com:amr"][2], Does.StartWith("cognito-idp.us-east-1.amazonaws.com/us-east-1_P:CognitoSignIn:"));
        Assert.That(context["aws:CurrentTime"], Is.EqualTo(new[] { "2026-11-21T12:00:00Z" }));
        Assert.That(context["aws:EpochTime"], Is.EqualTo(new[] { now.ToUnixTimeSeconds().ToString() }));
        Assert.That(context["aws:userid"][0], Does.EndWith(":CognitoIdentityCredentials"));
        Assert.That(context.ContainsKey("aws:username"), Is.False, "aws:username is absent for assumed roles");
    }

    [Test]
    public void Malformed_matrix_is_reported()
    {
        Assert.That(() => AccessMatrix.Parse("""{"parameters": {}, "roles": {}, "callers": {}, "rows": [{"id": "R1"}]}""", "."),
            Throws.TypeOf<InvalidDataException>());
        Assert.That(() => AccessMatrix.Parse("""
            {"parameters": {}, "roles": {"r": "r.json"}, "callers": {"c": {"identityId": "x"}},
             "rows": [{"id": "R1", "role": "r", "caller": "c", "action": "s3:GetObject", "resource": "*", "expected": "Maybe"}]}
            """, "."), Throws.TypeOf<InvalidDataException>().With.Message.Contains("R1"));
    }
}
