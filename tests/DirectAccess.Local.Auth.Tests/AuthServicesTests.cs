using DirectAccess.Local.Auth.Tests.Support;
using DirectAccess.Local.Model;
using DirectAccess.Local.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DirectAccess.Local.Auth.Tests;

/// <summary>The host's registration call wires both services to the credential store, the stack's roles and the audit log.</summary>
public sealed class AuthServicesTests
{
    [Test]
    public void Registration_compiles_the_stack_roles_and_writes_the_audit_log_when_configured()
    {
        var stack = new MatrixStack();
        var dataDir = Path.Combine(Path.GetTempPath(), $"auth-services-{Guid.NewGuid():N}");
        var options = new LocalCloudOptions
        {
            DataDir = dataDir,
            TemplatePath = "template.yaml",
            AuditLogPath = Path.Combine(dataDir, "audit.jsonl"),
        };
        var model = new StackModel("us-east-1", TestKeys.Account, new Dictionary<string, string>(), [], [], stack.Roles, [], []);
        var services = new ServiceCollection();
        services.AddSingleton(TestKeys.Store());
        AuthServices.Add(services, options, model);
        try
        {
            using (var provider = services.BuildServiceProvider())
            {
                Assert.That(provider.GetRequiredService<IRequestAuthenticator>(), Is.InstanceOf<SigV4RequestAuthenticator>());
                var authorizer = provider.GetRequiredService<IAccessAuthorizer>();
                var identity = "us-east-1:aaaaaaaa-0000-0000-0000-000000000001";
                var result = authorizer.Authorize(stack.Caller("uploaders", identity), "s3:PutObject",
                    $"arn:aws:s3:::{stack.Bucket}/private/{identity}/a", new DefaultHttpContext().Request);
                Assert.That(result.Allowed, Is.True);
            }

            Assert.That(File.ReadAllLines(options.AuditLogPath!), Has.Length.EqualTo(1));
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Test]
    public void Without_a_credential_store_the_authenticator_cannot_be_built()
    {
        var services = new ServiceCollection();
        AuthServices.Add(services, new LocalCloudOptions { DataDir = "d", TemplatePath = "t" },
            new StackModel("us-east-1", TestKeys.Account, new Dictionary<string, string>(), [], [], [], [], []));
        using var provider = services.BuildServiceProvider();
        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IRequestAuthenticator>());
    }
}
