using static DirectAccess.Policies.Tests.PolicyBuilder;

namespace DirectAccess.Policies.Tests;

/// <summary>Action/NotAction (case-insensitive) and Resource/NotResource (case-sensitive) with * and ?.</summary>
public class ActionResourceTests
{
    [TestCase("s3:GetObject", "s3:GetObject", DecisionKind.Allow)]
    [TestCase("s3:GetObject", "S3:GETOBJECT", DecisionKind.Allow)]
    [TestCase("S3:getobject", "s3:GetObject", DecisionKind.Allow)]
    [TestCase("s3:Get*", "s3:GetObjectAcl", DecisionKind.Allow)]
    [TestCase("s3:Get*", "s3:PutObject", DecisionKind.ImplicitDeny)]
    [TestCase("s3:*Object", "s3:DeleteObject", DecisionKind.Allow)]
    [TestCase("s3:*Object", "s3:DeleteObjects", DecisionKind.ImplicitDeny)]
    [TestCase("s3:?etObject", "s3:GetObject", DecisionKind.Allow)]
    [TestCase("s3:?etObject", "s3:GGetObject", DecisionKind.ImplicitDeny)]
    [TestCase("*", "lambda:InvokeFunction", DecisionKind.Allow)]
    [TestCase("s3:*", "s3x:GetObject", DecisionKind.ImplicitDeny)]
    [TestCase("s3:GetObject", "s3:GetObjectVersion", DecisionKind.ImplicitDeny)]
    public void Actions_match_case_insensitively_with_wildcards(string pattern, string action, DecisionKind expected) =>
        Assert.That(Decide(Allow(pattern, "*"), action, Bucket + "/k"), Is.EqualTo(expected));

    [TestCase(Bucket + "/private/*", Bucket + "/private/a/b/c", DecisionKind.Allow)]
    [TestCase(Bucket + "/private/*", Bucket + "/Private/a", DecisionKind.ImplicitDeny)]
    [TestCase(Bucket + "/private/*", Bucket + "/private/", DecisionKind.Allow)]
    [TestCase(Bucket + "/private/*", Bucket + "/private", DecisionKind.ImplicitDeny)]
    [TestCase(Bucket + "/file?.txt", Bucket + "/file1.txt", DecisionKind.Allow)]
    [TestCase(Bucket + "/file?.txt", Bucket + "/file.txt", DecisionKind.ImplicitDeny)]
    [TestCase(Bucket + "/file?.txt", Bucket + "/file12.txt", DecisionKind.ImplicitDeny)]
    [TestCase(Bucket + "/a*b*c", Bucket + "/aXXbYYc", DecisionKind.Allow)]
    [TestCase(Bucket + "/a*b*c", Bucket + "/aXXcYYb", DecisionKind.ImplicitDeny)]
    [TestCase(Bucket, Bucket + "/k", DecisionKind.ImplicitDeny)]
    [TestCase("arn:aws:lambda:us-east-1:1:function:f:*", "arn:aws:lambda:us-east-1:1:function:f:$LATEST", DecisionKind.Allow)]
    [TestCase("arn:aws:lambda:us-east-1:1:function:f:*", "arn:aws:lambda:us-east-1:1:function:f", DecisionKind.ImplicitDeny)]
    [TestCase("arn:aws:s3:::*", "arn:aws:s3:::any/key:with:colons", DecisionKind.Allow)]
    [TestCase("*", "arn:aws:s3:::x", DecisionKind.Allow)]
    public void Resources_match_case_sensitively_with_wildcards(string pattern, string resource, DecisionKind expected) =>
        Assert.That(Decide(Allow("s3:GetObject", pattern), "s3:GetObject", resource), Is.EqualTo(expected));

    [Test]
    public void Resource_list_is_ored()
    {
        var statement = Allow("s3:GetObject", $"[\"{Bucket}/a/*\", \"{Bucket}/b/*\"]");

        Assert.That(Decide(statement, "s3:GetObject", Bucket + "/b/x"), Is.EqualTo(DecisionKind.Allow));
        Assert.That(Decide(statement, "s3:GetObject", Bucket + "/c/x"), Is.EqualTo(DecisionKind.ImplicitDeny));
    }

    [Test]
    public void NotAction_with_allow_covers_every_other_action()
    {
        var statement = """{"Effect": "Allow", "NotAction": ["iam:*", "s3:Delete*"], "Resource": "*"}""";

        Assert.That(Decide(statement, "s3:GetObject", Bucket + "/k"), Is.EqualTo(DecisionKind.Allow));
        Assert.That(Decide(statement, "s3:DeleteObject", Bucket + "/k"), Is.EqualTo(DecisionKind.ImplicitDeny));
        Assert.That(Decide(statement, "IAM:CreateUser", "*"), Is.EqualTo(DecisionKind.ImplicitDeny));
    }

    [Test]
    public void NotAction_with_deny_denies_everything_not_listed()
    {
        var policy = Policy("""
            [{"Effect": "Allow", "Action": "*", "Resource": "*"},
             {"Sid": "OnlyS3Reads", "Effect": "Deny", "NotAction": ["s3:Get*", "s3:List*"], "Resource": "*"}]
            """);

        Assert.That(Evaluate(policy, new RequestContext("s3:GetObject", Bucket + "/k")).Kind, Is.EqualTo(DecisionKind.Allow));
        Assert.That(Evaluate(policy, new RequestContext("s3:ListBucket", Bucket)).Kind, Is.EqualTo(DecisionKind.Allow));
        var put = Evaluate(policy, new RequestContext("s3:PutObject", Bucket + "/k"));
        Assert.That(put.Kind, Is.EqualTo(DecisionKind.ExplicitDeny));
        Assert.That(put.DecidingStatement!.Sid, Is.EqualTo("OnlyS3Reads"));
        Assert.That(Evaluate(policy, new RequestContext("lambda:InvokeFunction", "arn:aws:lambda:r:1:function:f")).Kind,
            Is.EqualTo(DecisionKind.ExplicitDeny));
    }

    [Test]
    public void NotResource_allows_everything_but_the_listed_resources()
    {
        var statement = $$"""{"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "{{Bucket}}/secret/*"}""";

        Assert.That(Decide(statement, "s3:GetObject", Bucket + "/public/a"), Is.EqualTo(DecisionKind.Allow));
        Assert.That(Decide(statement, "s3:GetObject", "arn:aws:s3:::other/a"), Is.EqualTo(DecisionKind.Allow));
        Assert.That(Decide(statement, "s3:GetObject", Bucket + "/secret/a"), Is.EqualTo(DecisionKind.ImplicitDeny));
        Assert.That(Decide(statement, "s3:GetObject", Bucket + "/Secret/a"), Is.EqualTo(DecisionKind.Allow), "NotResource is case-sensitive too");
    }

    [Test]
    public void NotResource_with_deny_fences_everything_outside()
    {
        var policy = Policy($$"""
            [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
             {"Effect": "Deny", "Action": "s3:*", "NotResource": ["{{Bucket}}", "{{Bucket}}/*"]}]
            """);

        Assert.That(Evaluate(policy, new RequestContext("s3:GetObject", Bucket + "/k")).Kind, Is.EqualTo(DecisionKind.Allow));
        Assert.That(Evaluate(policy, new RequestContext("s3:GetObject", "arn:aws:s3:::other/k")).Kind, Is.EqualTo(DecisionKind.ExplicitDeny));
    }

    [Test]
    public void Question_mark_matches_exactly_one_character_including_slash_and_colon()
    {
        var statement = Allow("s3:GetObject", Bucket + "/a?b");

        Assert.That(Decide(statement, "s3:GetObject", Bucket + "/a/b"), Is.EqualTo(DecisionKind.Allow));
        Assert.That(Decide(statement, "s3:GetObject", Bucket + "/a:b"), Is.EqualTo(DecisionKind.Allow));
        Assert.That(Decide(statement, "s3:GetObject", Bucket + "/ab"), Is.EqualTo(DecisionKind.ImplicitDeny));
    }
}
