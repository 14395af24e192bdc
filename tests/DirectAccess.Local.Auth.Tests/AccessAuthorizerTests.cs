using DirectAccess.Local.Auth.Iam;
using DirectAccess.Local.Auth.Tests.Support;
using DirectAccess.Local.Security;
using DirectAccess.Policies;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Auth.Tests;

/// <summary>IAM enforcement with the repository's real role policies (policies/roles/*.json, placeholders substituted).</summary>
public sealed class AccessAuthorizerTests
{
    private static readonly MatrixStack Stack = new();
    private readonly IamAccessAuthorizer _authorizer = new(new RolePolicies(Stack.Roles), TestKeys.Region);

    private static HttpRequest Request()
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = System.Net.IPAddress.Loopback;
        return context.Request;
    }

    public static IEnumerable<TestCaseData> MatrixRows() => Stack.Matrix.Resolve().Select(c =>
        new TestCaseData(c.Row.Id).SetName($"Access matrix row {c.Row.Id}: {c.Row.Caller} {c.Row.Action} → {c.Row.Expected}"));

    [TestCaseSource(nameof(MatrixRows))]
    public void Every_access_matrix_row_gets_the_expected_decision(string rowId)
    {
        var resolved = Stack.Matrix.Resolve().Single(c => c.Row.Id == rowId);
        var caller = Stack.Caller(resolved.Row.Role, resolved.IdentityId);
        // Only the row's own keys are passed as service keys: the caller keys must come from the authorizer itself.
        var serviceKeys = resolved.Row.Context.Keys.ToDictionary(k => k, k => resolved.Context[k]);
        var result = _authorizer.Authorize(caller, resolved.Row.Action, resolved.Resource, Request(), serviceKeys);
        Assert.That(result.Decision.Kind, Is.EqualTo(resolved.Row.Expected), resolved.Row.Note);
        Assert.That(result.Allowed, Is.EqualTo(resolved.Row.Expected == DecisionKind.Allow));
    }

    [Test]
    public void An_implicit_deny_on_S3_carries_AWS_text_with_the_resource_quoted()
    {
        var caller = Stack.Caller("uploaders", "us-east-1:aaaaaaaa-0000-0000-0000-000000000001");
        var resource = $"arn:aws:s3:::{Stack.Bucket}/private/us-east-1:bbbbbbbb-0000-0000-0000-000000000002/x";
        var result = _authorizer.Authorize(caller, "s3:GetObject", resource, Request());
        Assert.That(result.Message, Is.EqualTo(
            $"User: {caller.CallerArn} is not authorized to perform: s3:GetObject on resource: \"{resource}\" because no identity-based policy allows the s3:GetObject action"));
    }

    [Test]
    public void An_explicit_deny_names_the_deny_statement_and_says_so()
    {
        var caller = Stack.Caller("uploaders", "us-east-1:aaaaaaaa-0000-0000-0000-000000000001");
        var resource = $"arn:aws:s3:::{Stack.Bucket}/manifests/list.json";
        var result = _authorizer.Authorize(caller, "s3:PutObject", resource, Request());
        Assert.That(result.Decision.Kind, Is.EqualTo(DecisionKind.ExplicitDeny));
        Assert.That(result.Decision.DecidingStatement?.Sid, Is.EqualTo("DenyManifestTampering"));
        Assert.That(result.Message, Is.EqualTo(
            $"User: {caller.CallerArn} is not authorized to perform: s3:PutObject on resource: \"{resource}\" with an explicit deny in an identity-based policy"));
    }

    [Test]
    public void A_Lambda_denial_shows_the_function_ARN_unquoted()
    {
        var caller = Stack.Caller("viewers", "us-east-1:aaaaaaaa-0000-0000-0000-000000000001");
        var function = $"arn:aws:lambda:us-east-1:{TestKeys.Account}:function:directaccess-AdminReport";
        var result = _authorizer.Authorize(caller, "lambda:InvokeFunction", function, Request());
        Assert.That(result.Message, Is.EqualTo(
            $"User: {caller.CallerArn} is not authorized to perform: lambda:InvokeFunction on resource: {function} because no identity-based policy allows the lambda:InvokeFunction action"));
    }

    [Test]
    public void An_allowed_request_has_an_empty_message_and_names_its_statement()
    {
        var identity = "us-east-1:aaaaaaaa-0000-0000-0000-000000000001";
        var result = _authorizer.Authorize(Stack.Caller("uploaders", identity), "s3:PutObject",
            $"arn:aws:s3:::{Stack.Bucket}/private/{identity}/a.bin", Request());
        Assert.That((result.Allowed, result.Message, result.Decision.DecidingStatement?.Sid), Is.EqualTo((true, "", "ReadWriteOwnPrivate")));
    }

    [Test]
    public void A_session_without_an_identity_id_cannot_use_identity_scoped_statements()
    {
        var identity = "us-east-1:aaaaaaaa-0000-0000-0000-000000000001";
        var caller = Stack.Caller("uploaders", identity) with { IdentityId = null, IdentityPoolId = null, Amr = [] };
        var result = _authorizer.Authorize(caller, "s3:PutObject", $"arn:aws:s3:::{Stack.Bucket}/private/{identity}/a.bin", Request());
        Assert.That(result.Decision.Kind, Is.EqualTo(DecisionKind.ImplicitDeny));
    }

    [Test]
    public void The_administrator_is_allowed_everything()
    {
        var result = _authorizer.Authorize(TestKeys.Admin, "s3:DeleteObject", $"arn:aws:s3:::{Stack.Bucket}/manifests/x", Request());
        Assert.That((result.Allowed, result.Decision.DecidingStatement, result.Message), Is.EqualTo((true, (StatementRef?)null, "")));
    }

    [Test]
    public void A_role_the_stack_does_not_define_is_denied()
    {
        var caller = Stack.Caller("uploaders", "us-east-1:aaaaaaaa-0000-0000-0000-000000000001") with { RoleArn = "arn:aws:iam::000000000000:role/ghost" };
        var result = _authorizer.Authorize(caller, "s3:GetObject", $"arn:aws:s3:::{Stack.Bucket}/public/a", Request());
        Assert.That(result.Decision.Kind, Is.EqualTo(DecisionKind.ImplicitDeny));
        Assert.That(result.Message, Does.EndWith("because no identity-based policy allows the s3:GetObject action"));
    }
}
