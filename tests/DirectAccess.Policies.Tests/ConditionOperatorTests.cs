using static DirectAccess.Policies.Tests.PolicyBuilder;

namespace DirectAccess.Policies.Tests;

/// <summary>Every condition operator, one key at a time (IAM user guide, "Condition operators").</summary>
public class ConditionOperatorTests
{
    private const DecisionKind Allow = DecisionKind.Allow;
    private const DecisionKind Deny = DecisionKind.ImplicitDeny;

    private static DecisionKind Check(string op, string policyValue, params string[] requestValues) =>
        UnderCondition("{\"" + op + "\": {\"test:key\": " + policyValue + "}}", Key("test:key", requestValues));

    [TestCase("StringEquals", "\"abc\"", "abc", Allow)]
    [TestCase("StringEquals", "\"abc\"", "ABC", Deny)]
    [TestCase("StringEquals", "\"a*\"", "abc", Deny)]
    [TestCase("StringEquals", "\"a*\"", "a*", Allow)]
    [TestCase("StringNotEquals", "\"abc\"", "abd", Allow)]
    [TestCase("StringNotEquals", "\"abc\"", "abc", Deny)]
    [TestCase("StringEqualsIgnoreCase", "\"abc\"", "ABC", Allow)]
    [TestCase("StringEqualsIgnoreCase", "\"abc\"", "abd", Deny)]
    [TestCase("StringNotEqualsIgnoreCase", "\"abc\"", "ABC", Deny)]
    [TestCase("StringNotEqualsIgnoreCase", "\"abc\"", "xyz", Allow)]
    [TestCase("StringLike", "\"home/*/docs\"", "home/bob/docs", Allow)]
    [TestCase("StringLike", "\"home/*/docs\"", "HOME/bob/docs", Deny)]
    [TestCase("StringLike", "\"v?\"", "v1", Allow)]
    [TestCase("StringLike", "\"v?\"", "v10", Deny)]
    [TestCase("StringNotLike", "\"tmp/*\"", "tmp/x", Deny)]
    [TestCase("StringNotLike", "\"tmp/*\"", "home/x", Allow)]
    public void String_operators(string op, string policyValue, string requestValue, DecisionKind expected) =>
        Assert.That(Check(op, policyValue, requestValue), Is.EqualTo(expected));

    [TestCase("NumericEquals", "10", "10", Allow)]
    [TestCase("NumericEquals", "\"10\"", "10.0", Allow)]
    [TestCase("NumericEquals", "10", "11", Deny)]
    [TestCase("NumericNotEquals", "10", "11", Allow)]
    [TestCase("NumericNotEquals", "10", "10", Deny)]
    [TestCase("NumericLessThan", "10", "9", Allow)]
    [TestCase("NumericLessThan", "10", "10", Deny)]
    [TestCase("NumericLessThanEquals", "10", "10", Allow)]
    [TestCase("NumericLessThanEquals", "10", "10.5", Deny)]
    [TestCase("NumericGreaterThan", "10", "-3", Deny)]
    [TestCase("NumericGreaterThan", "1.5", "2", Allow)]
    [TestCase("NumericGreaterThanEquals", "1000", "1000", Allow)]
    [TestCase("NumericGreaterThanEquals", "1000", "999", Deny)]
    [TestCase("NumericLessThan", "10", "ten", Deny)]
    public void Numeric_operators(string op, string policyValue, string requestValue, DecisionKind expected) =>
        Assert.That(Check(op, policyValue, requestValue), Is.EqualTo(expected));

    [TestCase("DateEquals", "\"2024-01-01T00:00:00Z\"", "2024-01-01T00:00:00Z", Allow)]
    [TestCase("DateEquals", "\"2024-01-01T00:00:00Z\"", "1704067200", Allow)]
    [TestCase("DateEquals", "\"2024-01-01T01:00:00+01:00\"", "2024-01-01T00:00:00Z", Allow)]
    [TestCase("DateEquals", "\"2024-01-01\"", "2024-01-01T00:00:00Z", Allow)]
    [TestCase("DateNotEquals", "\"2024-01-01T00:00:00Z\"", "2024-01-01T00:00:01Z", Allow)]
    [TestCase("DateNotEquals", "1704067200", "2024-01-01T00:00:00Z", Deny)]
    [TestCase("DateLessThan", "\"2030-01-01T00:00:00Z\"", "2026-11-21T23:59:59Z", Allow)]
    [TestCase("DateLessThan", "\"2020-01-01T00:00:00Z\"", "2026-11-21T23:59:59Z", Deny)]
    [TestCase("DateLessThanEquals", "\"2024-01-01T00:00:00Z\"", "2024-01-01T00:00:00Z", Allow)]
    [TestCase("DateGreaterThan", "\"2024-01-01T00:00:00Z\"", "2024-01-01T00:00:00.001Z", Allow)]
    [TestCase("DateGreaterThan", "\"2024-01-01T00:00:00Z\"", "2023-12-31T23:59:59Z", Deny)]
    [TestCase("DateGreaterThanEquals", "\"2024-01-01T00:00:00Z\"", "1704067200", Allow)]
    [TestCase("DateGreaterThan", "\"2024-01-01T00:00:00Z\"", "not a date", Deny)]
    public void Date_operators(string op, string policyValue, string requestValue, DecisionKind expected) =>
        Assert.That(Check(op, policyValue, requestValue), Is.EqualTo(expected));

    [TestCase("true", "true", Allow)]
    [TestCase("\"true\"", "TRUE", Allow)]
    [TestCase("true", "false", Deny)]
    [TestCase("false", "false", Allow)]
    [TestCase("false", "yes", Deny)]
    public void Bool_operator(string policyValue, string requestValue, DecisionKind expected) =>
        Assert.That(Check("Bool", policyValue, requestValue), Is.EqualTo(expected));

    [Test]
    public void BinaryEquals_compares_decoded_bytes()
    {
        var value = Convert.ToBase64String([1, 2, 3, 250]);
        Assert.That(Check("BinaryEquals", $"\"{value}\"", value), Is.EqualTo(Allow));
        Assert.That(Check("BinaryEquals", $"\"{value}\"", Convert.ToBase64String([1, 2, 3])), Is.EqualTo(Deny));
        Assert.That(Check("BinaryEquals", $"\"{value}\"", "***"), Is.EqualTo(Deny));
    }

    [TestCase("IpAddress", "\"203.0.113.0/24\"", "203.0.113.77", Allow)]
    [TestCase("IpAddress", "\"203.0.113.0/24\"", "203.0.114.1", Deny)]
    [TestCase("IpAddress", "\"203.0.113.5\"", "203.0.113.5", Allow)]
    [TestCase("IpAddress", "\"203.0.113.5\"", "203.0.113.6", Deny)]
    [TestCase("IpAddress", "\"10.0.0.0/9\"", "10.127.255.255", Allow)]
    [TestCase("IpAddress", "\"10.0.0.0/9\"", "10.128.0.0", Deny)]
    [TestCase("IpAddress", "\"0.0.0.0/0\"", "8.8.8.8", Allow)]
    [TestCase("IpAddress", "\"2001:DB8:1234::/48\"", "2001:db8:1234:ffff::1", Allow)]
    [TestCase("IpAddress", "\"2001:DB8:1234::/48\"", "2001:db8:1235::1", Deny)]
    [TestCase("IpAddress", "\"203.0.113.0/24\"", "::ffff:203.0.113.9", Allow)]
    [TestCase("IpAddress", "\"203.0.113.0/24\"", "2001:db8::1", Deny)]
    [TestCase("IpAddress", "\"203.0.113.0/24\"", "not-an-ip", Deny)]
    [TestCase("NotIpAddress", "[\"203.0.113.0/24\", \"198.51.100.0/24\"]", "198.51.100.1", Deny)]
    [TestCase("NotIpAddress", "[\"203.0.113.0/24\", \"198.51.100.0/24\"]", "192.0.2.1", Allow)]
    public void Ip_address_operators(string op, string policyValue, string requestValue, DecisionKind expected) =>
        Assert.That(Check(op, policyValue, requestValue), Is.EqualTo(expected));

    [TestCase("ArnLike", "\"arn:aws:s3:::bucket/*\"", "arn:aws:s3:::bucket/a:b/c", Allow)]
    [TestCase("ArnLike", "\"arn:aws:lambda:*:123456789012:function:*\"", "arn:aws:lambda:us-east-1:123456789012:function:f", Allow)]
    [TestCase("ArnLike", "\"arn:aws:lambda:*:123456789012:function:*\"", "arn:aws:lambda:us-east-1:999999999999:function:f", Deny)]
    [TestCase("ArnLike", "\"arn:aws:lambda:us-*:*:function:f\"", "arn:aws:lambda:us-east-1:1:function:f", Allow)]
    [TestCase("ArnLike", "\"arn:aws:lambda:*:function:f\"", "arn:aws:lambda:us-east-1:1:function:f", Deny)]
    [TestCase("ArnLike", "\"arn:aws:iam::*:role/a*\"", "arn:aws:iam::1:role/admin", Allow)]
    [TestCase("ArnLike", "\"arn:aws:iam::*:role/a*\"", "arn:aws:iam::1:role/Admin", Deny)]
    [TestCase("ArnLike", "\"arn:aws:iam::?:role/x\"", "arn:aws:iam::12:role/x", Deny)]
    [TestCase("ArnLike", "\"arn:aws:iam::*:role/x\"", "not:an:arn", Deny)]
    [TestCase("ArnEquals", "\"arn:aws:sns:us-east-1:1:topic\"", "arn:aws:sns:us-east-1:1:topic", Allow)]
    [TestCase("ArnEquals", "\"arn:aws:sns:us-east-1:1:topic\"", "arn:aws:sns:us-east-1:1:Topic", Deny)]
    [TestCase("ArnNotEquals", "\"arn:aws:sns:us-east-1:1:topic\"", "arn:aws:sns:us-east-1:1:other", Allow)]
    [TestCase("ArnNotLike", "\"arn:aws:sns:*:1:*\"", "arn:aws:sns:eu-west-1:1:t", Deny)]
    [TestCase("ArnNotLike", "\"arn:aws:sns:*:1:*\"", "arn:aws:sns:eu-west-1:2:t", Allow)]
    public void Arn_operators_match_each_part_separately(string op, string policyValue, string requestValue, DecisionKind expected) =>
        Assert.That(Check(op, policyValue, requestValue), Is.EqualTo(expected));

    [Test]
    public void ArnLike_star_does_not_cross_a_part_boundary_but_StringLike_does()
    {
        // '*' in the region part may not swallow "us-east-1:123456789012" in ArnLike; in StringLike it may.
        const string pattern = "\"arn:aws:lambda:*:function:f\"";
        const string arn = "arn:aws:lambda:us-east-1:123456789012:function:f";

        Assert.That(Check("StringLike", pattern, arn), Is.EqualTo(Allow));
        Assert.That(Check("ArnLike", "\"arn:aws:lambda:*:*:function:f\"", arn), Is.EqualTo(Allow));
        Assert.That(Check("ArnLike", "\"arn:aws:lambda:*:1*:*\"", arn), Is.EqualTo(Allow));
        Assert.That(Check("ArnLike", "\"arn:aws:lambda:*:2*:*\"", arn), Is.EqualTo(Deny));
    }

    [Test]
    public void Null_true_holds_when_the_key_is_absent()
    {
        Assert.That(UnderCondition("""{"Null": {"aws:TokenIssueTime": "true"}}"""), Is.EqualTo(Allow));
        Assert.That(UnderCondition("""{"Null": {"aws:TokenIssueTime": true}}""", Key("aws:TokenIssueTime", "2024-01-01T00:00:00Z")), Is.EqualTo(Deny));
        Assert.That(UnderCondition("""{"Null": {"aws:TokenIssueTime": "false"}}""", Key("aws:TokenIssueTime", "x")), Is.EqualTo(Allow));
        Assert.That(UnderCondition("""{"Null": {"aws:TokenIssueTime": false}}"""), Is.EqualTo(Deny));
    }

    [Test]
    public void Values_for_one_key_are_ored()
    {
        Assert.That(Check("StringEquals", "[\"a\", \"b\", \"c\"]", "b"), Is.EqualTo(Allow));
        Assert.That(Check("StringEquals", "[\"a\", \"b\", \"c\"]", "d"), Is.EqualTo(Deny));
    }

    [Test]
    public void Values_for_a_negated_operator_are_nored()
    {
        Assert.That(Check("StringNotEquals", "[\"a\", \"b\"]", "b"), Is.EqualTo(Deny));
        Assert.That(Check("StringNotEquals", "[\"a\", \"b\"]", "c"), Is.EqualTo(Allow));
    }

    [Test]
    public void Keys_within_an_operator_and_operators_are_anded()
    {
        const string condition = """
            {"StringEquals": {"test:a": "1", "test:b": "2"}, "NumericLessThan": {"test:n": 5}}
            """;

        Assert.That(UnderCondition(condition, Key("test:a", "1"), Key("test:b", "2"), Key("test:n", "4")), Is.EqualTo(Allow));
        Assert.That(UnderCondition(condition, Key("test:a", "1"), Key("test:b", "3"), Key("test:n", "4")), Is.EqualTo(Deny));
        Assert.That(UnderCondition(condition, Key("test:a", "1"), Key("test:b", "2"), Key("test:n", "6")), Is.EqualTo(Deny));
    }

    [Test]
    public void Condition_key_names_are_case_insensitive()
    {
        Assert.That(UnderCondition("""{"StringEquals": {"AWS:SourceVpce": "vpce-1"}}""", Key("aws:sourcevpce", "vpce-1")), Is.EqualTo(Allow));
        Assert.That(UnderCondition("""{"StringEquals": {"aws:sourcevpce": "vpce-1"}}""", Key("AWS:SOURCEVPCE", "vpce-1")), Is.EqualTo(Allow));
    }

    [Test]
    public void Boolean_and_number_values_are_accepted_as_their_text()
    {
        Assert.That(UnderCondition("""{"Bool": {"aws:SecureTransport": [true]}}""", Key("aws:SecureTransport", "true")), Is.EqualTo(Allow));
        Assert.That(UnderCondition("""{"StringEquals": {"s3:max-keys": 10}}""", Key("s3:max-keys", "10")), Is.EqualTo(Allow));
    }

    [Test]
    public void Secure_transport_deny_blocks_plain_http()
    {
        var policy = Policy("[" + Allow("s3:*", "*") + ", " + """
            {"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]
            """);

        Assert.That(Evaluate(policy, new RequestContext("s3:GetObject", Bucket + "/k").With("aws:SecureTransport", "false")).Kind,
            Is.EqualTo(DecisionKind.ExplicitDeny));
        Assert.That(Evaluate(policy, new RequestContext("s3:GetObject", Bucket + "/k").With("aws:SecureTransport", "true")).Kind,
            Is.EqualTo(DecisionKind.Allow));
    }
}
