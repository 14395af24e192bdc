using DirectAccess.Local.Security;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Local.Identity.Tests.IdentityPool;

/// <summary>GetId + GetCredentialsForIdentity on the repository template (Token mapping, Deny).</summary>
public sealed class CredentialsTests : RepositoryTemplateCloud
{
    [Test]
    public async Task Uploader_gets_credentials_bound_to_uploaders_role_identity_and_amr()
    {
        var sub = Guid.NewGuid().ToString();
        var (identityId, reply) = await SignInAsync(Tokens.IdToken(sub, "uploaders"));
        var body = reply.Ok();
        var credentials = body.GetProperty("Credentials");
        var accessKeyId = credentials.GetProperty("AccessKeyId").GetString()!;
        var expiration = credentials.GetProperty("Expiration").GetInt64();
        Assert.Multiple(() =>
        {
            Assert.That(identityId, Does.Match(@"^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
            Assert.That(body.GetProperty("IdentityId").GetString(), Is.EqualTo(identityId));
            Assert.That(accessKeyId, Does.Match("^ASIA[A-Z0-9]{16}$"));
            Assert.That(credentials.GetProperty("SecretKey").GetString(), Has.Length.EqualTo(40));
            Assert.That(credentials.GetProperty("SessionToken").GetString(), Is.Not.Empty);
            Assert.That(expiration, Is.InRange(DateTimeOffset.UtcNow.AddMinutes(59).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(61).ToUnixTimeSeconds()));
            Assert.That(reply.ContentType, Is.EqualTo("application/x-amz-json-1.1"));
            Assert.That(reply.RequestId, Is.Not.Null);
        });

        var caller = Cloud.Cloud.Services.GetRequiredService<ICredentialStore>().Find(accessKeyId)!;
        var role = Cloud.Cloud.Stack.Roles.Single(r => r.LogicalId == "UploadersRole");
        Assert.Multiple(() =>
        {
            Assert.That(caller.RoleArn, Is.EqualTo(role.Arn));
            Assert.That(caller.CallerArn, Is.EqualTo($"arn:aws:sts::000000000000:assumed-role/{role.Name}/CognitoIdentityCredentials"));
            Assert.That(caller.UserId, Does.Match("^AROA[A-Z0-9]{17}:CognitoIdentityCredentials$"));
            Assert.That(caller.IdentityId, Is.EqualTo(identityId));
            Assert.That(caller.IdentityPoolId, Is.EqualTo(PoolId));
            Assert.That(caller.Amr, Is.EqualTo(new[]
            {
                "authenticated", Tokens.ProviderName, $"{Tokens.ProviderName}:CognitoSignIn:{sub}",
            }));
            Assert.That(caller.Expiration!.Value.ToUnixTimeSeconds(), Is.EqualTo(expiration));
            Assert.That(caller.IsAdministrator, Is.False);
        });
    }

    [Test]
    public async Task Same_user_gets_the_same_identity_and_another_user_another()
    {
        var sub = Guid.NewGuid().ToString();
        var first = await Client.GetIdAsync(PoolId, Tokens.Logins(Tokens.IdToken(sub, "viewers")));
        var again = await Client.GetIdAsync(PoolId, Tokens.Logins(Tokens.IdToken(sub, "admins")));
        var other = await Client.GetIdAsync(PoolId, Tokens.Logins(Tokens.IdToken(Guid.NewGuid().ToString(), "viewers")));
        Assert.That(again["IdentityId"], Is.EqualTo(first["IdentityId"]));
        Assert.That(other["IdentityId"], Is.Not.EqualTo(first["IdentityId"]));
    }

    [Test]
    public void Admin_key_is_the_account_administrator()
    {
        var admin = Cloud.Cloud.Services.GetRequiredService<ICredentialStore>().Find(LocalCloudOptions.DefaultAdminAccessKeyId)!;
        Assert.That((admin.IsAdministrator, admin.CallerArn, admin.SecretAccessKey),
            Is.EqualTo((true, "arn:aws:iam::000000000000:root", LocalCloudOptions.DefaultAdminSecretAccessKey)));
        Assert.That(Cloud.Cloud.Services.GetRequiredService<ICredentialStore>().Find("ASIAUNKNOWNUNKNOWN00"), Is.Null);
    }

    [Test]
    public async Task Config_file_has_outputs_and_endpoint()
    {
        var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Cloud.Cloud.ConfigPath)).RootElement;
        Assert.That(json.GetProperty("Endpoint").GetString(), Is.EqualTo(Cloud.Endpoint.GetLeftPart(UriPartial.Authority)));
        Assert.That(json.GetProperty("IdentityPoolId").GetString(), Is.EqualTo(PoolId));
        Assert.That(json.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(Cloud.Cloud.Stack.Outputs.Keys.Append("Endpoint")));
    }
}
