using static DirectAccess.Policies.Tests.PolicyBuilder;

namespace DirectAccess.Policies.Tests;

/// <summary>Missing keys, ...IfExists, ForAnyValue: and ForAllValues: (REFERENCE §4; IAM "Multivalued context keys").</summary>
public class MissingKeyAndSetOperatorTests
{
    private const DecisionKind Allow = DecisionKind.Allow;
    private const DecisionKind Deny = DecisionKind.ImplicitDeny;

    private static DecisionKind Check(string op, string policyValue, params (string, string[])[] keys) =>
        UnderCondition("{\"" + op + "\": {\"test:key\": " + policyValue + "}}", keys);

    [TestCase("StringEquals")]
    [TestCase("StringEqualsIgnoreCase")]
    [TestCase("StringLike")]
    [TestCase("NumericLessThan")]
    [TestCase("DateGreaterThan")]
    [TestCase("Bool")]
    [TestCase("IpAddress")]
    [TestCase("ArnLike")]
    public void Ordinary_operator_on_a_missing_key_is_false(string op) =>
        Assert.That(Check(op, ValueFor(op)), Is.EqualTo(Deny));

    [TestCase("StringNotEquals")]
    [TestCase("StringNotEqualsIgnoreCase")]
    [TestCase("StringNotLike")]
    [TestCase("NumericNotEquals")]
    [TestCase("DateNotEquals")]
    [TestCase("NotIpAddress")]
    [TestCase("ArnNotEquals")]
    [TestCase("ArnNotLike")]
    public void Negated_operator_on_a_missing_key_is_true(string op) =>
        Assert.That(Check(op, ValueFor(op)), Is.EqualTo(Allow));

    [Test]
    public void Negated_operator_on_a_missing_key_makes_a_deny_apply()
    {
        // The classic trap: "deny unless from my VPC endpoint" also denies requests that carry no endpoint at all.
        var policy = Policy("[" + PolicyBuilder.Allow("s3:*", "*") + ", " + """
            {"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-1"}}}]
            """);

        Assert.That(Evaluate(policy, new RequestContext("s3:GetObject", Bucket + "/k")).Kind, Is.EqualTo(DecisionKind.ExplicitDeny));
        Assert.That(Evaluate(policy, new RequestContext("s3:GetObject", Bucket + "/k").With("aws:SourceVpce", "vpce-1")).Kind,
            Is.EqualTo(DecisionKind.Allow));
    }

    [TestCase("StringEqualsIfExists")]
    [TestCase("StringNotEqualsIfExists")]
    [TestCase("NumericLessThanIfExists")]
    [TestCase("IpAddressIfExists")]
    [TestCase("ArnLikeIfExists")]
    [TestCase("BoolIfExists")]
    public void IfExists_is_true_when_the_key_is_absent(string op) =>
        Assert.That(Check(op, ValueFor(op)), Is.EqualTo(Allow));

    [Test]
    public void IfExists_still_tests_a_present_key()
    {
        Assert.That(Check("StringEqualsIfExists", "\"a\"", Key("test:key", "a")), Is.EqualTo(Allow));
        Assert.That(Check("StringEqualsIfExists", "\"a\"", Key("test:key", "b")), Is.EqualTo(Deny));
        Assert.That(Check("StringNotEqualsIfExists", "\"a\"", Key("test:key", "a")), Is.EqualTo(Deny));
    }

    [Test]
    public void ForAllValues_is_true_on_a_missing_key()
    {
        Assert.That(Check("ForAllValues:StringEquals", "[\"a\", \"b\"]"), Is.EqualTo(Allow));
        Assert.That(Check("ForAllValues:StringEquals", "[\"a\", \"b\"]", Key("test:key")), Is.EqualTo(Allow), "present but empty");
    }

    [Test]
    public void ForAllValues_needs_every_request_value_to_match()
    {
        Assert.That(Check("ForAllValues:StringEquals", "[\"a\", \"b\"]", Key("test:key", "a", "b")), Is.EqualTo(Allow));
        Assert.That(Check("ForAllValues:StringEquals", "[\"a\", \"b\"]", Key("test:key", "a")), Is.EqualTo(Allow));
        Assert.That(Check("ForAllValues:StringEquals", "[\"a\", \"b\"]", Key("test:key", "a", "c")), Is.EqualTo(Deny));
        Assert.That(Check("ForAllValues:StringLike", "\"tag-*\"", Key("test:key", "tag-x", "tag-y")), Is.EqualTo(Allow));
    }

    [Test]
    public void ForAllValues_with_a_negated_operator_needs_every_value_to_match_none()
    {
        Assert.That(Check("ForAllValues:StringNotEquals", "[\"admin\"]", Key("test:key", "a", "b")), Is.EqualTo(Allow));
        Assert.That(Check("ForAllValues:StringNotEquals", "[\"admin\"]", Key("test:key", "a", "admin")), Is.EqualTo(Deny));
    }

    [Test]
    public void ForAnyValue_is_false_on_a_missing_key()
    {
        Assert.That(Check("ForAnyValue:StringEquals", "\"a\""), Is.EqualTo(Deny));
        Assert.That(Check("ForAnyValue:StringEquals", "\"a\"", Key("test:key")), Is.EqualTo(Deny), "present but empty");
        Assert.That(Check("ForAnyValue:StringNotEquals", "\"a\""), Is.EqualTo(Deny), "even negated");
    }

    [Test]
    public void ForAnyValue_needs_one_request_value_to_match()
    {
        Assert.That(Check("ForAnyValue:StringLike", "\"authenticated\"", Key("test:key", "cognito-idp.x/y", "authenticated")), Is.EqualTo(Allow));
        Assert.That(Check("ForAnyValue:StringLike", "\"authenticated\"", Key("test:key", "unauthenticated")), Is.EqualTo(Deny));
        Assert.That(Check("ForAnyValue:StringNotEquals", "\"a\"", Key("test:key", "a", "b")), Is.EqualTo(Allow));
        Assert.That(Check("ForAnyValue:StringNotEquals", "\"a\"", Key("test:key", "a")), Is.EqualTo(Deny));
    }

    [Test]
    public void ForAnyValue_IfExists_is_true_when_absent()
    {
        Assert.That(Check("ForAnyValue:StringEqualsIfExists", "\"a\""), Is.EqualTo(Allow));
        Assert.That(Check("ForAnyValue:StringEqualsIfExists", "\"a\"", Key("test:key", "b")), Is.EqualTo(Deny));
    }

    [Test]
    public void ForAllValues_with_allow_is_dangerous_without_a_null_guard()
    {
        // ForAllValues alone lets a request without tags through; adding Null=false closes the hole.
        var open = """{"ForAllValues:StringEquals": {"aws:TagKeys": ["project"]}}""";
        var guarded = """{"ForAllValues:StringEquals": {"aws:TagKeys": ["project"]}, "Null": {"aws:TagKeys": "false"}}""";

        Assert.That(UnderCondition(open), Is.EqualTo(Allow));
        Assert.That(UnderCondition(guarded), Is.EqualTo(Deny));
        Assert.That(UnderCondition(guarded, Key("aws:TagKeys", "project")), Is.EqualTo(Allow));
    }

    [Test]
    public void Single_valued_operator_on_several_values_holds_when_one_value_satisfies_it()
    {
        Assert.That(Check("StringEquals", "\"b\"", Key("test:key", "a", "b")), Is.EqualTo(Allow));
        Assert.That(Check("StringEquals", "\"c\"", Key("test:key", "a", "b")), Is.EqualTo(Deny));
    }

    private static string ValueFor(string op) => op switch
    {
        _ when op.Contains("Numeric") => "5",
        _ when op.Contains("Date") => "\"2024-01-01T00:00:00Z\"",
        _ when op.StartsWith("Bool") => "true",
        _ when op.Contains("IpAddress") => "\"10.0.0.0/8\"",
        _ when op.StartsWith("Arn") => "\"arn:aws:s3:::b\"",
        _ => "\"a\"",
    };
}
