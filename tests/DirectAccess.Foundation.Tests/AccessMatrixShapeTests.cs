using System.Text.Json.Nodes;

namespace DirectAccess.Foundation.Tests;

/// <summary>policies/access-matrix.json parses, covers every role, and includes the cross-identity cases.</summary>
public sealed class AccessMatrixShapeTests
{
    private static readonly JsonObject Matrix = JsonNode.Parse(File.ReadAllText(RepoRoot.File("policies", "access-matrix.json")))!.AsObject();

    private static IEnumerable<JsonNode> Rows => Matrix["rows"]!.AsArray().Select(r => r!);

    [Test]
    public void Has_at_least_40_rows_with_known_fields()
    {
        Assert.That(Rows.Count(), Is.GreaterThanOrEqualTo(40));
        foreach (var row in Rows)
        {
            Assert.That(row.AsObject().Select(p => p.Key), Is.SubsetOf(new[] { "id", "role", "caller", "action", "resource", "context", "expected", "note" }), (string?)row["id"]);
            Assert.That((string?)row["expected"], Is.AnyOf("Allow", "ImplicitDeny", "ExplicitDeny"), (string?)row["id"]);
        }

        Assert.That(Rows.Select(r => (string?)r["id"]), Is.Unique);
    }

    [Test]
    public void Every_role_has_a_policy_file_and_rows_that_allow_and_deny()
    {
        foreach (var (role, file) in Matrix["roles"]!.AsObject())
        {
            Assert.That(File.Exists(RepoRoot.File("policies", "roles", (string)file!)), role);
            var decisions = Rows.Where(r => (string?)r["role"] == role).Select(r => (string?)r["expected"]).ToList();
            Assert.That(decisions, Does.Contain("Allow").And.Contain("ImplicitDeny"), role);
        }
    }

    [Test]
    public void Each_row_is_made_by_a_caller_of_that_role()
    {
        var callers = Matrix["callers"]!.AsObject();
        foreach (var row in Rows)
        {
            var caller = callers[(string)row["caller"]!];
            Assert.That(caller, Is.Not.Null, (string?)row["id"]);
            var group = (string?)caller!["group"] ?? "default";
            Assert.That(group, Is.EqualTo((string?)row["role"]), (string?)row["id"]);
        }
    }

    [TestCase("s3:GetObject")]
    [TestCase("s3:PutObject")]
    [TestCase("s3:DeleteObject")]
    [TestCase("s3:AbortMultipartUpload")]
    [TestCase("s3:ListBucket")]
    public void Cross_identity_attempts_are_denied_rows(string action)
    {
        var crossIdentity = Rows.Where(r => (string?)r["role"] != "admins" && (string?)r["action"] == action)
            .Where(r =>
            {
                var caller = "${" + (string)r["caller"]! + "}";
                var text = (string)r["resource"]! + (r["context"]?.ToJsonString() ?? "");
                return text.Contains("private/${", StringComparison.Ordinal) && !text.Contains("private/" + caller, StringComparison.Ordinal);
            }).ToList();
        Assert.That(crossIdentity, Is.Not.Empty, $"no cross-identity {action} row");
        Assert.That(crossIdentity.Select(r => (string?)r["expected"]), Has.All.Not.EqualTo("Allow"));
    }

    [Test]
    public void Has_s3_prefix_list_cases_both_ways()
    {
        var listRows = Rows.Where(r => (string?)r["action"] == "s3:ListBucket" && r["context"]?["s3:prefix"] is not null).ToList();
        Assert.That(listRows.Select(r => (string?)r["expected"]), Does.Contain("Allow").And.Contain("ImplicitDeny"));
    }
}
