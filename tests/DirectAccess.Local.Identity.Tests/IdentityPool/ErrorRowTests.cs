using System.Text.Json.Nodes;

namespace DirectAccess.Local.Identity.Tests.IdentityPool;

/// <summary>Every error row of REFERENCE §1, over HTTP, with type, header and message.</summary>
public sealed class ErrorRowTests : RepositoryTemplateCloud
{
    [Test]
    public async Task No_logins_is_unauthenticated_access() =>
        (await Client.GetIdAsync(PoolId, null)).IsError("NotAuthorizedException", "Unauthenticated access is not supported for this identity pool.");

    [Test]
    public async Task Unknown_provider_key_is_not_a_supported_provider()
    {
        var logins = new Dictionary<string, string> { ["cognito-idp.us-east-1.amazonaws.com/us-east-1_Nope00000"] = Tokens.IdToken("x", "viewers") };
        (await Client.GetIdAsync(PoolId, logins)).IsError("NotAuthorizedException", "Token is not from a supported provider of this identity pool.");
    }

    [Test]
    public async Task Another_users_login_does_not_match_the_identity()
    {
        var identityId = (await Client.GetIdAsync(PoolId, Tokens.Logins(Tokens.IdToken(Guid.NewGuid().ToString(), "viewers")))).Ok()
            .GetProperty("IdentityId").GetString()!;
        var mallory = Tokens.Logins(Tokens.IdToken(Guid.NewGuid().ToString(), "admins"));
        (await Client.GetCredentialsAsync(identityId, mallory)).IsError("NotAuthorizedException",
            "Logins don't match. Please include at least one valid login for this identity or identity pool.");
        (await Client.GetCredentialsAsync(identityId, null)).IsError("NotAuthorizedException", "Unauthenticated access is not supported for this identity pool.");
    }

    [Test]
    public async Task Unknown_pool_and_identity_are_not_found()
    {
        var token = Tokens.Logins(Tokens.IdToken("x", "viewers"));
        (await Client.GetIdAsync("us-east-1:00000000-0000-4000-8000-000000000000", token))
            .IsError("ResourceNotFoundException", "IdentityPool 'us-east-1:00000000-0000-4000-8000-000000000000' not found.");
        (await Client.GetCredentialsAsync("us-east-1:00000000-0000-4000-8000-000000000001", token))
            .IsError("ResourceNotFoundException", "Identity 'us-east-1:00000000-0000-4000-8000-000000000001' not found.");
    }

    [Test]
    public async Task Malformed_ids_fail_validation() =>
        (await Client.GetIdAsync("not-a-pool", null)).IsError("ValidationException",
            "1 validation error detected: Value 'not-a-pool' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+");

    [Test]
    public async Task Basic_flow_is_refused_on_a_pool_with_role_mappings()
    {
        var token = Tokens.IdToken(Guid.NewGuid().ToString(), "admins");
        var identityId = (await Client.GetIdAsync(PoolId, Tokens.Logins(token))).Ok().GetProperty("IdentityId").GetString()!;
        (await Client.GetOpenIdTokenAsync(identityId, Tokens.Logins(token))).IsError("InvalidParameterException",
            "Basic (classic) flow is not supported with RoleMappings, please use enhanced flow.");
    }

    [Test]
    public async Task Unknown_operation_and_malformed_json_are_refused()
    {
        var unknown = await Client.CallAsync("DeleteIdentityPool", new JsonObject { ["IdentityPoolId"] = PoolId });
        Assert.That((unknown.Status, unknown.Type), Is.EqualTo((400, "UnknownOperationException")));
    }

    [Test]
    public async Task Admin_reads_without_a_signature_are_refused()
    {
        foreach (var operation in new[] { "DescribeIdentityPool", "GetIdentityPoolRoles" })
        {
            var reply = await Client.CallAsync(operation, new JsonObject { ["IdentityPoolId"] = PoolId });
            Assert.That(reply.Status, Is.AnyOf(400, 403), () => reply.Body.ToString());
            Assert.That(reply.Body.TryGetProperty("IdentityPoolId", out _), Is.False);
        }
    }
}
