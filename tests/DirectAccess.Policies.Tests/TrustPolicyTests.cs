using DirectAccess.Policies.Templates;

namespace DirectAccess.Policies.Tests;

/// <summary>Trust policies for sts:AssumeRoleWithWebIdentity (Cognito identity pools, REFERENCE §2).</summary>
public class TrustPolicyTests
{
    private const string Provider = "cognito-identity.amazonaws.com";
    private const string Pool = "us-east-1:00000000-0000-4000-8000-0000000000ff";

    private static readonly PolicyDocument RolesTrust = PolicyTemplate.LoadPolicy(
        Path.Combine(RepoPaths.Policies, "roles", "trust.json"), new Dictionary<string, string> { ["IdentityPool"] = Pool });

    private static Dictionary<string, string[]> Token(string aud = Pool, params string[] amr) => new()
    {
        ["cognito-identity.amazonaws.com:aud"] = [aud],
        ["cognito-identity.amazonaws.com:amr"] = amr.Length > 0 ? amr : ["authenticated", "cognito-idp.us-east-1.amazonaws.com/us-east-1_X"],
    };

    [Test]
    public void Authenticated_identity_of_our_pool_may_assume_the_role()
    {
        var decision = TrustPolicy.EvaluateAssumeRoleWithWebIdentity(RolesTrust, Provider, Token());

        Assert.That(decision.Kind, Is.EqualTo(DecisionKind.Allow));
        Assert.That(decision.DecidingStatement!.Sid, Is.EqualTo("CognitoIdentityPoolAuthenticated"));
    }

    [Test]
    public void Another_pool_is_refused()
    {
        var decision = TrustPolicy.EvaluateAssumeRoleWithWebIdentity(RolesTrust, Provider, Token(aud: "us-east-1:another"));

        Assert.That(decision.Kind, Is.EqualTo(DecisionKind.ImplicitDeny));
        Assert.That(decision.Misses.Single().Reason, Does.Contain("cognito-identity.amazonaws.com:aud"));
    }

    [Test]
    public void Unauthenticated_identity_is_refused() =>
        Assert.That(TrustPolicy.EvaluateAssumeRoleWithWebIdentity(RolesTrust, Provider, Token(Pool, "unauthenticated")).Kind,
            Is.EqualTo(DecisionKind.ImplicitDeny));

    [Test]
    public void Missing_amr_is_refused() =>
        Assert.That(TrustPolicy.EvaluateAssumeRoleWithWebIdentity(RolesTrust, Provider,
            new Dictionary<string, string[]> { ["cognito-identity.amazonaws.com:aud"] = [Pool] }).Kind, Is.EqualTo(DecisionKind.ImplicitDeny));

    [Test]
    public void Context_keys_match_case_insensitively() =>
        Assert.That(TrustPolicy.EvaluateAssumeRoleWithWebIdentity(RolesTrust, Provider, new Dictionary<string, string[]>
        {
            ["COGNITO-IDENTITY.AMAZONAWS.COM:AUD"] = [Pool],
            ["Cognito-Identity.amazonaws.com:Amr"] = ["authenticated"],
        }).Kind, Is.EqualTo(DecisionKind.Allow));

    [Test]
    public void Another_provider_is_refused()
    {
        var decision = TrustPolicy.EvaluateAssumeRoleWithWebIdentity(RolesTrust, "accounts.google.com", Token());

        Assert.That(decision.Kind, Is.EqualTo(DecisionKind.ImplicitDeny));
        Assert.That(decision.Misses.Single().Reason, Does.Contain("Principal"));
    }

    [Test]
    public void Lambda_service_trust_does_not_allow_web_identities()
    {
        var lambdaTrust = PolicyDocument.Load(Path.Combine(RepoPaths.Policies, "functions", "trust.json"));

        Assert.That(TrustPolicy.EvaluateAssumeRoleWithWebIdentity(lambdaTrust, Provider, Token()).Kind, Is.EqualTo(DecisionKind.ImplicitDeny));
        Assert.That(TrustPolicy.HasAudienceCondition(lambdaTrust), Is.False);
    }

    [Test]
    public void Star_principal_matches_any_provider_and_deny_wins()
    {
        var trust = PolicyDocument.Parse("""
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRoleWithWebIdentity",
               "Condition": {"StringEquals": {"cognito-identity.amazonaws.com:aud": "pool"}}},
              {"Sid": "NoGuests", "Effect": "Deny", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": "sts:*",
               "Condition": {"ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": "unauthenticated"}}}]}
            """, "trust.json");

        Assert.That(TrustPolicy.EvaluateAssumeRoleWithWebIdentity(trust, "accounts.google.com", Token("pool")).Kind, Is.EqualTo(DecisionKind.Allow));
        var guest = TrustPolicy.EvaluateAssumeRoleWithWebIdentity(trust, Provider, Token("pool", "unauthenticated"));
        Assert.That(guest.Kind, Is.EqualTo(DecisionKind.ExplicitDeny));
        Assert.That(guest.DecidingStatement!.Sid, Is.EqualTo("NoGuests"));
    }

    [Test]
    public void NotPrincipal_excludes_the_listed_provider()
    {
        var trust = PolicyDocument.Parse("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "NotPrincipal": {"Federated": "accounts.google.com"},
              "Action": "sts:AssumeRoleWithWebIdentity"}}
            """, "trust.json");

        Assert.That(TrustPolicy.EvaluateAssumeRoleWithWebIdentity(trust, Provider, Token()).Kind, Is.EqualTo(DecisionKind.Allow));
        Assert.That(TrustPolicy.EvaluateAssumeRoleWithWebIdentity(trust, "accounts.google.com", Token()).Kind, Is.EqualTo(DecisionKind.ImplicitDeny));
    }

    [Test]
    public void Other_actions_in_the_trust_policy_do_not_count()
    {
        var trust = PolicyDocument.Parse("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": "sts:AssumeRole"}}
            """, "trust.json");

        Assert.That(TrustPolicy.EvaluateAssumeRoleWithWebIdentity(trust, Provider, Token()).Kind, Is.EqualTo(DecisionKind.ImplicitDeny));
    }

    [Test]
    public void Audience_condition_is_detected()
    {
        Assert.That(TrustPolicy.HasAudienceCondition(RolesTrust), Is.True);
        Assert.That(TrustPolicy.HasAudienceCondition(RolesTrust, "cognito-identity.amazonaws.com:AUD"), Is.True);
    }

    [TestCase("""{"StringLike": {"cognito-identity.amazonaws.com:amr": "authenticated"}}""", false)]
    [TestCase("""{"StringNotEquals": {"cognito-identity.amazonaws.com:aud": "other"}}""", false)]
    [TestCase("""{"StringEqualsIfExists": {"cognito-identity.amazonaws.com:aud": "pool"}}""", false)]
    [TestCase("""{"ForAllValues:StringEquals": {"cognito-identity.amazonaws.com:aud": "pool"}}""", false)]
    [TestCase("""{"StringEquals": {"cognito-identity.amazonaws.com:aud": "pool"}}""", true)]
    [TestCase("""{"ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:aud": "pool"}}""", true)]
    public void Audience_condition_must_pin_the_pool(string condition, bool expected)
    {
        var trust = PolicyDocument.Parse($$"""
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"},
              "Action": "sts:AssumeRoleWithWebIdentity", "Condition": {{condition}}}]}
            """, "trust.json");

        Assert.That(TrustPolicy.HasAudienceCondition(trust), Is.EqualTo(expected));
    }

    [Test]
    public void One_allowing_statement_without_audience_is_enough_to_fail_the_check()
    {
        var trust = PolicyDocument.Parse("""
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": "sts:AssumeRoleWithWebIdentity",
               "Condition": {"StringEquals": {"cognito-identity.amazonaws.com:aud": "pool"}}},
              {"Effect": "Allow", "Principal": {"Federated": "cognito-identity.amazonaws.com"}, "Action": "sts:*"}]}
            """, "trust.json");

        Assert.That(TrustPolicy.HasAudienceCondition(trust), Is.False);
    }

    [Test]
    public void Trust_policy_with_a_resource_is_invalid_and_allows_no_one()
    {
        var trust = PolicyDocument.Parse("""
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": "*", "Action": "sts:*", "Resource": "*"}}
            """, "trust.json");

        Assert.That(() => TrustPolicy.Validate(trust), Throws.TypeOf<PolicyParseException>().With.Message.Contains("Resource"));
        Assert.That(TrustPolicy.EvaluateAssumeRoleWithWebIdentity(trust, Provider, Token()).Kind, Is.EqualTo(DecisionKind.ImplicitDeny));
        Assert.That(() => TrustPolicy.Validate(RolesTrust), Throws.Nothing);
    }

    [Test]
    public void Identity_policy_is_not_a_valid_trust_policy()
    {
        var identity = PolicyDocument.Parse("""{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "sts:*", "Resource": "*"}}""", "id.json");

        Assert.That(() => TrustPolicy.Validate(identity), Throws.TypeOf<PolicyParseException>().With.Message.Contains("Principal"));
        Assert.That(TrustPolicy.EvaluateAssumeRoleWithWebIdentity(identity, Provider, Token()).Kind, Is.EqualTo(DecisionKind.ImplicitDeny));
    }
}
