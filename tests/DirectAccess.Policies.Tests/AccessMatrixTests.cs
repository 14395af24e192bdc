using DirectAccess.Policies.Templates;

namespace DirectAccess.Policies.Tests;

/// <summary>Every row of policies/access-matrix.json must hold offline: the deliverable of issue 3.</summary>
public class AccessMatrixTests
{
    private static readonly AccessMatrix Matrix = AccessMatrix.Load(RepoPaths.AccessMatrix);

    private static readonly Dictionary<string, PolicySet> RolePolicies = Matrix.Roles.Keys.ToDictionary(
        role => role, role => PolicySet.Compile([Matrix.LoadRolePolicy(role)]));

    public static IEnumerable<TestCaseData> Rows() =>
        Matrix.Resolve().Select(c => new TestCaseData(c).SetName($"Row {c.Row.Id}: {c.Row.Note}"));

    [TestCaseSource(nameof(Rows))]
    public void Row_holds(AccessMatrixCase row)
    {
        var decision = RolePolicies[row.Row.Role].Evaluate(row.ToRequest());

        Assert.That(decision.Kind, Is.EqualTo(row.Row.Expected),
            $"row {row.Row.Id} ({row.Row.Note}): {row.Row.Action} on {row.Resource} as {row.Row.Caller} in {row.Row.Role} " +
            $"decided {decision.Kind} by {decision.DecidingStatement}; misses: " +
            string.Join("; ", decision.Misses.Select(m => $"{m.Statement}: {m.Reason}")));
    }

    [Test]
    public void Matrix_has_sixty_rows_covering_every_role_and_outcome()
    {
        Assert.That(Matrix.Rows, Has.Count.EqualTo(60));
        Assert.That(Matrix.Rows.Select(r => r.Role).Distinct(), Is.EquivalentTo(Matrix.Roles.Keys));
        Assert.That(Matrix.Rows.Select(r => r.Expected).Distinct(),
            Is.EquivalentTo(new[] { DecisionKind.Allow, DecisionKind.ImplicitDeny, DecisionKind.ExplicitDeny }));
    }

    [Test]
    public void Resolved_rows_have_no_placeholders_left()
    {
        foreach (var row in Matrix.Resolve())
        {
            Assert.That(row.Resource, Does.Not.Contain("${"), row.Row.Id);
            Assert.That(row.Context.Values.SelectMany(v => v), Has.None.Contains("${"), row.Row.Id);
        }
    }

    [Test]
    public void Rows_resolve_with_live_identity_ids_and_parameters()
    {
        var ids = new Dictionary<string, string> { ["alice"] = "eu-west-1:11111111-2222-4333-8444-555555555555" };
        var parameters = new Dictionary<string, string> { ["UploadBucket"] = "live-bucket" };

        var r01 = Matrix.Resolve(parameters, ids).Single(c => c.Row.Id == "R01");

        Assert.That(r01.Resource, Is.EqualTo("arn:aws:s3:::live-bucket/private/eu-west-1:11111111-2222-4333-8444-555555555555/big.iso"));
        Assert.That(r01.Context["cognito-identity.amazonaws.com:sub"], Is.EqualTo(new[] { ids["alice"] }));
        var policy = PolicySet.Compile([Matrix.LoadRolePolicy("uploaders", Matrix.Parameters.Concat(parameters)
            .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value))]);
        Assert.That(policy.Evaluate(r01.ToRequest()).Kind, Is.EqualTo(DecisionKind.Allow));
    }
}
