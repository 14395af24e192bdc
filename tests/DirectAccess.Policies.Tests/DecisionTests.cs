using static DirectAccess.Policies.Tests.PolicyBuilder;

namespace DirectAccess.Policies.Tests;

/// <summary>Explicit deny &gt; allow &gt; implicit deny, and decisions that explain themselves.</summary>
public class DecisionTests
{
    [Test]
    public void No_statement_allows_means_implicit_deny()
    {
        var decision = Evaluate(Policy($"[{Allow("s3:GetObject", Bucket + "/public/*")}]"),
            new RequestContext("s3:PutObject", Bucket + "/public/a"));

        Assert.That(decision.Kind, Is.EqualTo(DecisionKind.ImplicitDeny));
        Assert.That(decision.DecidingStatement, Is.Null);
        Assert.That(decision.IsAllowed, Is.False);
    }

    [Test]
    public void Allow_names_the_first_allowing_statement()
    {
        var policy = Policy($"""[{Statement("Allow", "s3:*", "*", sid: "Broad")}, {Statement("Allow", "s3:GetObject", "*", sid: "Narrow")}]""");

        var decision = Evaluate(policy, new RequestContext("s3:GetObject", Bucket + "/k"));

        Assert.That(decision.Kind, Is.EqualTo(DecisionKind.Allow));
        Assert.That(decision.DecidingStatement, Is.EqualTo(new StatementRef("test.json", 0, "Broad")));
        Assert.That(decision.Misses, Is.Empty);
    }

    [Test]
    public void Explicit_deny_beats_any_allow_regardless_of_order()
    {
        var policy = Policy($"""[{Statement("Allow", "s3:*", "*", sid: "All")}, {Statement("Deny", "s3:DeleteObject", Bucket + "/*", sid: "NoDelete")}]""");

        var decision = Evaluate(policy, new RequestContext("s3:DeleteObject", Bucket + "/k"));

        Assert.That(decision.Kind, Is.EqualTo(DecisionKind.ExplicitDeny));
        Assert.That(decision.DecidingStatement, Is.EqualTo(new StatementRef("test.json", 1, "NoDelete")));
    }

    [Test]
    public void Deny_in_one_policy_beats_allow_in_another()
    {
        var allow = PolicyDocument.Parse(Policy($"[{Allow("s3:*", "*")}]"), "allow.json");
        var deny = PolicyDocument.Parse(Policy($"[{Deny("s3:PutObject", Bucket + "/manifests/*")}]"), "deny.json");
        var set = PolicySet.Compile([allow, deny]);

        Assert.That(set.Evaluate(new RequestContext("s3:PutObject", Bucket + "/manifests/m")).DecidingStatement,
            Is.EqualTo(new StatementRef("deny.json", 0, null)));
        Assert.That(set.Evaluate(new RequestContext("s3:PutObject", Bucket + "/other")).DecidingStatement,
            Is.EqualTo(new StatementRef("allow.json", 0, null)));
        Assert.That(set.Policies.Select(p => p.Name), Is.EqualTo(new[] { "allow.json", "deny.json" }));
    }

    [Test]
    public void A_deny_that_does_not_match_leaves_the_allow()
    {
        var policy = Policy($"[{Allow("s3:*", "*")}, {Deny("s3:PutObject", Bucket + "/manifests/*")}]");

        Assert.That(Evaluate(policy, new RequestContext("s3:PutObject", Bucket + "/private/x")).Kind, Is.EqualTo(DecisionKind.Allow));
    }

    [Test]
    public void Implicit_deny_explains_statements_whose_action_matched()
    {
        var policy = Policy($$"""
            [{{Statement("Allow", "s3:ListBucket", Bucket, "\"Condition\": {\"StringLike\": {\"s3:prefix\": \"public/*\"}}", "ListPublic")}},
             {{Statement("Allow", "s3:GetObject", Bucket + "/public/*", sid: "ReadPublic")}},
             {{Statement("Allow", "s3:ListBucket", "arn:aws:s3:::other", sid: "OtherBucket")}}]
            """);

        var decision = Evaluate(policy, new RequestContext("s3:ListBucket", Bucket).With("s3:prefix", "private/"));

        Assert.That(decision.Kind, Is.EqualTo(DecisionKind.ImplicitDeny));
        Assert.That(decision.Misses.Select(m => m.Statement.Sid), Is.EqualTo(new[] { "ListPublic", "OtherBucket" }));
        Assert.That(decision.Misses[0].Reason, Does.Contain("StringLike").And.Contain("s3:prefix").And.Contain("private/"));
        Assert.That(decision.Misses[1].Reason, Does.Contain("Resource").And.Contain("arn:aws:s3:::other"));
    }

    [Test]
    public void Implicit_deny_with_no_matching_action_explains_every_allow()
    {
        var policy = Policy($"[{Allow("s3:GetObject", "*")}, {Allow("lambda:InvokeFunction", "*")}]");

        var decision = Evaluate(policy, new RequestContext("s3:PutObject", Bucket + "/k"));

        Assert.That(decision.Misses, Has.Count.EqualTo(2));
        Assert.That(decision.Misses.Select(m => m.Reason), Has.All.Contains("Action s3:PutObject is not in Action"));
    }

    [Test]
    public void Implicit_deny_names_an_absent_policy_variable()
    {
        var policy = Policy($"[{Allow("s3:GetObject", Bucket + "/home/${aws:username}/*")}]");

        var decision = Evaluate(policy, new RequestContext("s3:GetObject", Bucket + "/home/bob/x"));

        Assert.That(decision.Misses.Single().Reason, Does.Contain("${aws:username}").And.Contain("absent"));
    }

    [Test]
    public void Evaluation_is_safe_from_many_threads()
    {
        var set = Compile(Policy($"[{Allow("s3:GetObject", Bucket + "/private/${cognito-identity.amazonaws.com:sub}/*")}]"));
        var failures = 0;
        Parallel.For(0, 2000, i =>
        {
            var id = $"us-east-1:{i}";
            var own = set.Evaluate(new RequestContext("s3:GetObject", $"{Bucket}/private/{id}/f").With("cognito-identity.amazonaws.com:sub", id));
            var other = set.Evaluate(new RequestContext("s3:GetObject", $"{Bucket}/private/x{id}/f").With("cognito-identity.amazonaws.com:sub", id));
            if (!own.IsAllowed || other.IsAllowed)
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.That(failures, Is.Zero);
    }
}
