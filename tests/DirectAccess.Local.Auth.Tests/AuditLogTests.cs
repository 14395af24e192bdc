using System.Text.Json;
using DirectAccess.Local.Auth.Iam;
using DirectAccess.Local.Auth.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Auth.Tests;

/// <summary>The audit log: one complete JSON line per decision, even with many threads deciding at once.</summary>
public sealed class AuditLogTests
{
    private static readonly MatrixStack Stack = new();

    [Test]
    public void Concurrent_decisions_each_write_one_whole_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}", "audit.jsonl");
        try
        {
            using (var audit = new AuditLog(path))
            {
                var authorizer = new IamAccessAuthorizer(new RolePolicies(Stack.Roles), TestKeys.Region, audit);
                var identity = "us-east-1:aaaaaaaa-0000-0000-0000-000000000001";
                var uploader = Stack.Caller("uploaders", identity);
                Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
                {
                    var context = new DefaultHttpContext { TraceIdentifier = $"req-{i}" };
                    var who = i % 4 == 0 ? TestKeys.Admin : uploader;
                    var folder = i % 2 == 0 ? "private/" + identity : "manifests";
                    authorizer.Authorize(who, "s3:PutObject", $"arn:aws:s3:::{Stack.Bucket}/{folder}/{i}", context.Request);
                });
            }

            var lines = File.ReadAllLines(path);
            Assert.That(lines, Has.Length.EqualTo(200));
            var entries = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.That(entries.Select(e => e.GetProperty("requestId").GetString()).Distinct().Count(), Is.EqualTo(200));

            var admin = entries.First(e => e.GetProperty("callerArn").GetString() == TestKeys.Admin.CallerArn);
            Assert.That((admin.GetProperty("decision").GetString(), admin.GetProperty("decidingStatement").GetString()), Is.EqualTo(("Allow", "administrator")));

            var denied = entries.First(e => e.GetProperty("requestId").GetString() == "req-1");
            Assert.That(denied.GetProperty("decision").GetString(), Is.EqualTo("ExplicitDeny"));
            Assert.That(denied.GetProperty("decidingStatement").GetString(), Does.Contain("DenyManifestTampering"));
            Assert.That(denied.GetProperty("identityId").GetString(), Is.EqualTo("us-east-1:aaaaaaaa-0000-0000-0000-000000000001"));
            Assert.That(denied.GetProperty("action").GetString(), Is.EqualTo("s3:PutObject"));
            Assert.That(denied.GetProperty("resource").GetString(), Does.EndWith("/manifests/1"));
            Assert.That(DateTimeOffset.Parse(denied.GetProperty("time").GetString()!), Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }
}
