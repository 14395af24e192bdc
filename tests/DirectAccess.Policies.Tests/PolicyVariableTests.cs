using static DirectAccess.Policies.Tests.PolicyBuilder;

namespace DirectAccess.Policies.Tests;

/// <summary>Policy variables (IAM user guide, "IAM policy elements: Variables and tags").</summary>
public class PolicyVariableTests
{
    private const string Sub = "cognito-identity.amazonaws.com:sub";
    private const string Alice = "us-east-1:0a11ce00-0000-4000-8000-000000000001";
    private const string OwnPrefix = Bucket + "/private/${cognito-identity.amazonaws.com:sub}/*";

    [Test]
    public void Resource_variable_is_replaced_by_the_context_value()
    {
        var statement = Allow("s3:PutObject", OwnPrefix);

        Assert.That(Decide(statement, "s3:PutObject", $"{Bucket}/private/{Alice}/f", Key(Sub, Alice)), Is.EqualTo(DecisionKind.Allow));
        Assert.That(Decide(statement, "s3:PutObject", $"{Bucket}/private/us-east-1:other/f", Key(Sub, Alice)), Is.EqualTo(DecisionKind.ImplicitDeny));
    }

    [Test]
    public void Variable_key_is_case_insensitive()
    {
        var statement = Allow("s3:PutObject", Bucket + "/private/${Cognito-Identity.AmazonAWS.com:SUB}/*");

        Assert.That(Decide(statement, "s3:PutObject", $"{Bucket}/private/{Alice}/f", Key(Sub, Alice)), Is.EqualTo(DecisionKind.Allow));
    }

    [Test]
    public void Missing_variable_makes_an_allow_not_apply()
    {
        Assert.That(Decide(Allow("s3:PutObject", OwnPrefix), "s3:PutObject", $"{Bucket}/private//f"), Is.EqualTo(DecisionKind.ImplicitDeny));
    }

    [Test]
    public void Missing_variable_makes_a_deny_not_apply_too()
    {
        var policy = Policy($"[{Allow("s3:*", "*")}, {Deny("s3:DeleteObject", Bucket + "/home/${aws:username}/*")}]");

        Assert.That(Evaluate(policy, new RequestContext("s3:DeleteObject", Bucket + "/home//x")).Kind, Is.EqualTo(DecisionKind.Allow));
        Assert.That(Evaluate(policy, new RequestContext("s3:DeleteObject", Bucket + "/home/bob/x").With("aws:username", "bob")).Kind,
            Is.EqualTo(DecisionKind.ExplicitDeny));
    }

    [Test]
    public void Missing_variable_in_a_negated_condition_still_makes_the_statement_not_apply()
    {
        var statement = Allow("s3:GetObject", "*", Condition("""{"StringNotEquals": {"s3:prefix": "${aws:username}"}}"""));

        Assert.That(Decide(statement, "s3:GetObject", Bucket + "/k", Key("s3:prefix", "x")), Is.EqualTo(DecisionKind.ImplicitDeny));
        Assert.That(Decide(statement, "s3:GetObject", Bucket + "/k", Key("s3:prefix", "x"), Key("aws:username", "bob")), Is.EqualTo(DecisionKind.Allow));
    }

    [Test]
    public void Default_value_is_used_when_the_key_is_absent()
    {
        var statement = Allow("s3:GetObject", Bucket + "/home/${aws:username, 'anonymous'}/*");

        Assert.That(Decide(statement, "s3:GetObject", Bucket + "/home/anonymous/x"), Is.EqualTo(DecisionKind.Allow));
        Assert.That(Decide(statement, "s3:GetObject", Bucket + "/home/bob/x", Key("aws:username", "bob")), Is.EqualTo(DecisionKind.Allow));
        Assert.That(Decide(statement, "s3:GetObject", Bucket + "/home/anonymous/x", Key("aws:username", "bob")), Is.EqualTo(DecisionKind.ImplicitDeny));
    }

    [TestCase("${*}", "*", DecisionKind.Allow)]
    [TestCase("${*}", "x", DecisionKind.ImplicitDeny)]
    [TestCase("${?}", "?", DecisionKind.Allow)]
    [TestCase("${?}", "x", DecisionKind.ImplicitDeny)]
    [TestCase("${$}", "$", DecisionKind.Allow)]
    [TestCase("a${$}{b}", "a${b}", DecisionKind.Allow)]
    public void Escapes_stand_for_literal_characters(string escaped, string key, DecisionKind expected) =>
        Assert.That(Decide(Allow("s3:GetObject", $"{Bucket}/{escaped}"), "s3:GetObject", $"{Bucket}/{key}"), Is.EqualTo(expected));

    [Test]
    public void Escapes_in_StringLike_are_literal_while_bare_wildcards_are_not()
    {
        var statement = Allow("s3:GetObject", "*", Condition("""{"StringLike": {"s3:prefix": "a${*}b*"}}"""));

        Assert.That(Decide(statement, "s3:GetObject", Bucket + "/k", Key("s3:prefix", "a*bzzz")), Is.EqualTo(DecisionKind.Allow));
        Assert.That(Decide(statement, "s3:GetObject", Bucket + "/k", Key("s3:prefix", "axbzzz")), Is.EqualTo(DecisionKind.ImplicitDeny));
    }

    [Test]
    public void A_variable_value_with_wildcards_is_matched_literally()
    {
        var statement = Allow("s3:GetObject", Bucket + "/home/${aws:username}/*");

        Assert.That(Decide(statement, "s3:GetObject", Bucket + "/home/bob/x", Key("aws:username", "*")), Is.EqualTo(DecisionKind.ImplicitDeny));
        Assert.That(Decide(statement, "s3:GetObject", Bucket + "/home/*/x", Key("aws:username", "*")), Is.EqualTo(DecisionKind.Allow));
    }

    [Test]
    public void Under_2008_version_a_variable_is_literal_text()
    {
        var policy = Policy($"[{Allow("s3:GetObject", Bucket + "/home/${aws:username}/*")}]", PolicyDocument.LegacyVersion);
        var literal = new RequestContext("s3:GetObject", Bucket + "/home/${aws:username}/x").With("aws:username", "bob");
        var substituted = new RequestContext("s3:GetObject", Bucket + "/home/bob/x").With("aws:username", "bob");

        Assert.That(Evaluate(policy, literal).Kind, Is.EqualTo(DecisionKind.Allow));
        Assert.That(Evaluate(policy, substituted).Kind, Is.EqualTo(DecisionKind.ImplicitDeny));
        Assert.That(PolicyDocument.Parse(policy, "p").PolicyVariablesEnabled, Is.False);
    }

    [Test]
    public void Without_a_version_a_variable_is_literal_text()
    {
        var policy = Policy($"[{Allow("s3:GetObject", Bucket + "/home/${aws:username}/*")}]", version: null);

        Assert.That(Evaluate(policy, new RequestContext("s3:GetObject", Bucket + "/home/${aws:username}/x")).Kind, Is.EqualTo(DecisionKind.Allow));
        Assert.That(Evaluate(policy, new RequestContext("s3:GetObject", Bucket + "/home/bob/x").With("aws:username", "bob")).Kind,
            Is.EqualTo(DecisionKind.ImplicitDeny));
    }

    [Test]
    public void Variables_in_StringLike_conditions_are_resolved()
    {
        var statement = Allow("s3:ListBucket", Bucket, """
            "Condition": {"StringLike": {"s3:prefix": ["private/${cognito-identity.amazonaws.com:sub}/", "private/${cognito-identity.amazonaws.com:sub}/*"]}}
            """);

        Assert.That(Decide(statement, "s3:ListBucket", Bucket, Key(Sub, Alice), Key("s3:prefix", $"private/{Alice}/")), Is.EqualTo(DecisionKind.Allow));
        Assert.That(Decide(statement, "s3:ListBucket", Bucket, Key(Sub, Alice), Key("s3:prefix", $"private/{Alice}/docs/")), Is.EqualTo(DecisionKind.Allow));
        Assert.That(Decide(statement, "s3:ListBucket", Bucket, Key(Sub, Alice), Key("s3:prefix", $"private/{Alice}")), Is.EqualTo(DecisionKind.ImplicitDeny));
        Assert.That(Decide(statement, "s3:ListBucket", Bucket, Key(Sub, Alice), Key("s3:prefix", "private/")), Is.EqualTo(DecisionKind.ImplicitDeny));
    }

    [Test]
    public void Variables_in_StringEquals_and_Arn_conditions_are_resolved()
    {
        var equals = Allow("s3:GetObject", "*", Condition("""{"StringEquals": {"aws:PrincipalTag/team": "${aws:RequestTag/team}"}}"""));
        var arn = Allow("s3:GetObject", "*", Condition("""{"ArnLike": {"aws:SourceArn": "arn:aws:lambda:*:${aws:PrincipalAccount}:function:*"}}"""));

        Assert.That(Decide(equals, "s3:GetObject", Bucket + "/k", Key("aws:PrincipalTag/team", "red"), Key("aws:RequestTag/team", "red")), Is.EqualTo(DecisionKind.Allow));
        Assert.That(Decide(equals, "s3:GetObject", Bucket + "/k", Key("aws:PrincipalTag/team", "red"), Key("aws:RequestTag/team", "blue")), Is.EqualTo(DecisionKind.ImplicitDeny));
        Assert.That(Decide(arn, "s3:GetObject", Bucket + "/k", Key("aws:PrincipalAccount", "111"), Key("aws:SourceArn", "arn:aws:lambda:us-east-1:111:function:f")), Is.EqualTo(DecisionKind.Allow));
        Assert.That(Decide(arn, "s3:GetObject", Bucket + "/k", Key("aws:PrincipalAccount", "111"), Key("aws:SourceArn", "arn:aws:lambda:us-east-1:222:function:f")), Is.EqualTo(DecisionKind.ImplicitDeny));
    }

    [Test]
    public void Variables_are_not_interpreted_in_non_string_operators()
    {
        Assert.That(() => PolicyDocument.Parse(Policy($"[{Allow("s3:GetObject", "*", Condition("""{"NumericEquals": {"s3:max-keys": "${aws:userid}"}}"""))}]"), "p"),
            Throws.TypeOf<PolicyParseException>().With.Message.Contains("not a number"));
    }

    [Test]
    public void A_multivalued_key_cannot_be_used_as_a_variable()
    {
        var statement = Allow("s3:GetObject", Bucket + "/${cognito-identity.amazonaws.com:amr}/*");

        Assert.That(Decide(statement, "s3:GetObject", Bucket + "/authenticated/x", Key("cognito-identity.amazonaws.com:amr", "authenticated", "p")),
            Is.EqualTo(DecisionKind.ImplicitDeny));
    }

    [Test]
    public void Variable_in_Action_is_not_a_variable()
    {
        Assert.That(() => PolicyDocument.Parse(Policy($"[{Allow("s3:${aws:username}", "*")}]"), "p"), Throws.TypeOf<PolicyParseException>());
    }
}
