namespace DirectAccess.Foundation.Tests;

public sealed class TemplatePolicyDriftTests
{
    [Test]
    public void Template_carries_exactly_the_documents_in_policies()
    {
        var differences = TemplatePolicyDrift.Check(RepoRoot.File("template.yaml"), RepoRoot.File("policies"));
        Assert.That(differences, Is.Empty, string.Join(Environment.NewLine, differences));
    }

    [Test]
    public void Every_group_role_and_function_role_is_checked()
    {
        var resources = CloudFormationYaml.Load(RepoRoot.File("template.yaml"))["Resources"]!.AsObject();
        var roles = resources.Where(r => (string?)r.Value!["Type"] == "AWS::IAM::Role").Select(r => r.Key).ToList();
        Assert.That(roles, Is.SupersetOf(new[]
        {
            "AdminsRole", "UploadersRole", "ViewersRole", "DefaultAuthenticatedRole",
            "WhoAmIFunctionRole", "ProcessUploadFunctionRole", "ShareFileFunctionRole", "AdminReportFunctionRole",
        }));
    }

    [Test]
    public void Drift_in_one_statement_names_the_role_and_the_statement()
    {
        var dir = Directory.CreateTempSubdirectory("drift").FullName;
        try
        {
            var template = File.ReadAllText(RepoRoot.File("template.yaml"));
            // Widen the uploaders' own-prefix write to the whole private/ tree: the classic cross-identity hole.
            var tampered = template.Replace(
                "${UploadBucket}/private/${!cognito-identity.amazonaws.com:sub}/*",
                "${UploadBucket}/private/*", StringComparison.Ordinal);
            Assert.That(tampered, Is.Not.EqualTo(template), "the template no longer contains the expected resource");
            var path = Path.Combine(dir, "template.yaml");
            File.WriteAllText(path, tampered);

            var differences = TemplatePolicyDrift.Check(path, RepoRoot.File("policies"));

            Assert.That(differences, Has.Count.EqualTo(1));
            Assert.That(differences[0], Does.StartWith("UploadersRole.Policies[uploaders]: Statement[3] (ReadWriteOwnPrivate)"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Test]
    public void Drift_in_a_trust_policy_is_reported()
    {
        var dir = Directory.CreateTempSubdirectory("drift").FullName;
        try
        {
            var template = File.ReadAllText(RepoRoot.File("template.yaml"));
            var index = template.IndexOf("\"cognito-identity.amazonaws.com:aud\": !Sub \"${IdentityPool}\"", StringComparison.Ordinal);
            Assert.That(index, Is.GreaterThan(0));
            // Drop the aud condition from the first group role only: that role would become assumable from any pool.
            var tampered = template.Remove(index, template.IndexOf('\n', index) - index)
                .Insert(index, "\"cognito-identity.amazonaws.com:aud\": \"*\"");
            var path = Path.Combine(dir, "template.yaml");
            File.WriteAllText(path, tampered);

            var differences = TemplatePolicyDrift.Check(path, RepoRoot.File("policies"));

            Assert.That(differences, Has.Count.EqualTo(1));
            Assert.That(differences[0], Does.StartWith("AdminsRole.AssumeRolePolicyDocument: Statement[0] (CognitoIdentityPoolAuthenticated)"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
