using System.Text.Json;
using DirectAccess.Policies.Json;
using static DirectAccess.Policies.Tests.PolicyBuilder;

namespace DirectAccess.Policies.Tests;

/// <summary>Request files, decision JSON and request helpers used by the CLI and the local cloud.</summary>
public class JsonHelpersTests
{
    [Test]
    public void Request_json_reads_action_resource_and_single_and_multi_values()
    {
        var request = RequestJson.Parse("""
            {"action": "s3:ListBucket", "resource": "arn:aws:s3:::${UploadBucket}",
             "context": {"s3:prefix": "p/", "cognito-identity.amazonaws.com:amr": ["authenticated", "x"], "aws:SecureTransport": true, "s3:max-keys": 10}}
            """, new Dictionary<string, string> { ["UploadBucket"] = "b" });

        Assert.That(request.Action, Is.EqualTo("s3:ListBucket"));
        Assert.That(request.Resource, Is.EqualTo("arn:aws:s3:::b"));
        Assert.That(request.Keys["S3:PREFIX"], Is.EqualTo(new[] { "p/" }));
        Assert.That(request.Keys["cognito-identity.amazonaws.com:amr"], Is.EqualTo(new[] { "authenticated", "x" }));
        Assert.That(request.Keys["aws:SecureTransport"], Is.EqualTo(new[] { "true" }));
        Assert.That(request.Keys["s3:max-keys"], Is.EqualTo(new[] { "10" }));
    }

    [TestCase("""{"resource": "arn:aws:s3:::b"}""", "$.action")]
    [TestCase("""{"action": "s3:GetObject", "resource": 5}""", "$.resource")]
    [TestCase("""{"action": "s3:GetObject", "resource": "arn:aws:s3:::b", "context": []}""", "$.context")]
    [TestCase("""{"action": "s3:GetObject", "resource": "arn:aws:s3:::b", "context": {"k:x": [null]}}""", "$.context['k:x'][0]")]
    [TestCase("""{"action": "s3:GetObject", "resource": "arn:aws:s3:::b", "Action": "x"}""", "$.Action")]
    [TestCase("""not json""", "not valid JSON")]
    public void Request_json_errors_name_the_field(string json, string expected) =>
        Assert.That(() => RequestJson.Parse(json), Throws.TypeOf<InvalidDataException>().With.Message.Contains(expected));

    [Test]
    public void Decision_json_for_allow_and_implicit_deny()
    {
        var set = Compile(Policy($"[{Statement("Allow", "s3:GetObject", Bucket + "/public/*", sid: "ReadPublic")}]"));

        using var allow = JsonDocument.Parse(DecisionJson.ToJson(set.Evaluate(new RequestContext("s3:GetObject", Bucket + "/public/a"))));
        using var deny = JsonDocument.Parse(DecisionJson.ToJson(set.Evaluate(new RequestContext("s3:GetObject", Bucket + "/private/a"))));

        Assert.That(allow.RootElement.GetProperty("decision").GetString(), Is.EqualTo("Allow"));
        Assert.That(allow.RootElement.GetProperty("policy").GetString(), Is.EqualTo("test.json"));
        Assert.That(allow.RootElement.GetProperty("statement").GetInt32(), Is.Zero);
        Assert.That(allow.RootElement.GetProperty("sid").GetString(), Is.EqualTo("ReadPublic"));
        Assert.That(allow.RootElement.GetProperty("reasons").GetArrayLength(), Is.Zero);
        Assert.That(deny.RootElement.GetProperty("decision").GetString(), Is.EqualTo("ImplicitDeny"));
        Assert.That(deny.RootElement.GetProperty("statement").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var reason = deny.RootElement.GetProperty("reasons")[0];
        Assert.That(reason.GetProperty("sid").GetString(), Is.EqualTo("ReadPublic"));
        Assert.That(reason.GetProperty("reason").GetString(), Does.Contain(Bucket + "/public/*"));
    }

    [Test]
    public void Request_time_feeds_date_conditions()
    {
        var set = Compile(Policy("""
            [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
              "Condition": {"DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}, "NumericGreaterThan": {"aws:EpochTime": 1700000000}}}]
            """));

        Assert.That(set.Evaluate(new RequestContext("s3:GetObject", Bucket + "/k").WithRequestTime(new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.Zero))).Kind,
            Is.EqualTo(DecisionKind.Allow));
        Assert.That(set.Evaluate(new RequestContext("s3:GetObject", Bucket + "/k").WithRequestTime(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero))).Kind,
            Is.EqualTo(DecisionKind.ImplicitDeny));
        Assert.That(set.Evaluate(new RequestContext("s3:GetObject", Bucket + "/k")).Kind, Is.EqualTo(DecisionKind.ImplicitDeny), "no time, no match");
    }

    [Test]
    public void Cognito_identity_keys_feed_the_per_identity_prefix()
    {
        var set = Compile(Policy($"[{Allow("s3:GetObject", Bucket + "/private/${cognito-identity.amazonaws.com:sub}/*")}]"));
        var request = new RequestContext("s3:GetObject", Bucket + "/private/us-east-1:abc/f")
            .WithCognitoIdentity("us-east-1:abc", "us-east-1:pool", "authenticated");

        Assert.That(set.Evaluate(request).Kind, Is.EqualTo(DecisionKind.Allow));
        Assert.That(request.Keys["aws:FederatedProvider"], Is.EqualTo(new[] { "cognito-identity.amazonaws.com" }));
    }
}
