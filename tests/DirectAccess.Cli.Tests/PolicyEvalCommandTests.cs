using System.Runtime.CompilerServices;
using System.Text.Json;
using DirectAccess.Cli;

namespace DirectAccess.Cli.Tests;

/// <summary>
/// <c>directaccess policy eval</c> run in-process through <see cref="CliApp.RunAsync"/> with the console captured:
/// real policy files from the repository, real request files in a temporary folder.
/// </summary>
[NonParallelizable]
public class PolicyEvalCommandTests
{
    private const string Alice = "us-east-1:0a11ce00-0000-4000-8000-000000000001";
    private const string Bucket = "directaccess-uploads-000000000000-us-east-1";

    private string _folder = "";

    private static string Policies => Path.Combine(FindRoot(), "policies");

    private static string Uploaders => Path.Combine(Policies, "roles", "uploaders.json");

    private static string Matrix => Path.Combine(Policies, "access-matrix.json");

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("policy-eval-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Allow_prints_the_deciding_statement_and_exits_zero()
    {
        var request = WriteRequest($$$"""
            {"action": "s3:PutObject", "resource": "arn:aws:s3:::{{{Bucket}}}/private/{{{Alice}}}/big.iso",
             "context": {"cognito-identity.amazonaws.com:sub": "{{{Alice}}}", "aws:SecureTransport": true}}
            """);

        var (exit, output, error) = await Run("policy", "eval", "--policy", Uploaders, "--request", request, "--parameters", Matrix);

        Assert.That(exit, Is.EqualTo(0), error);
        using var json = JsonDocument.Parse(output);
        Assert.That(json.RootElement.GetProperty("decision").GetString(), Is.EqualTo("Allow"));
        Assert.That(json.RootElement.GetProperty("policy").GetString(), Is.EqualTo("uploaders.json"));
        Assert.That(json.RootElement.GetProperty("statement").GetInt32(), Is.EqualTo(3));
        Assert.That(json.RootElement.GetProperty("sid").GetString(), Is.EqualTo("ReadWriteOwnPrivate"));
        Assert.That(error, Is.Empty);
    }

    [Test]
    public async Task Output_is_exactly_one_json_object()
    {
        var request = WriteRequest($$$"""{"action": "s3:GetObject", "resource": "arn:aws:s3:::{{{Bucket}}}/public/readme.txt"}""");

        var (_, output, _) = await Run("policy", "eval", "--policy", Uploaders, "--request", request, "--parameters", Matrix);

        Assert.That(output.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(() => JsonDocument.Parse(output), Throws.Nothing);
    }

    [Test]
    public async Task Explicit_deny_names_the_deny_statement()
    {
        var request = WriteRequest($$$"""
            {"action": "s3:PutObject", "resource": "arn:aws:s3:::${UploadBucket}/manifests/x.json",
             "context": {"cognito-identity.amazonaws.com:sub": "{{{Alice}}}"}}
            """);

        var (exit, output, _) = await Run("policy", "eval", "--policy", Uploaders, "--request", request, "--parameters", Matrix);

        Assert.That(exit, Is.EqualTo(0));
        using var json = JsonDocument.Parse(output);
        Assert.That(json.RootElement.GetProperty("decision").GetString(), Is.EqualTo("ExplicitDeny"));
        Assert.That(json.RootElement.GetProperty("sid").GetString(), Is.EqualTo("DenyManifestTampering"));
        Assert.That(json.RootElement.GetProperty("statement").GetInt32(), Is.EqualTo(5));
    }

    [Test]
    public async Task Implicit_deny_has_null_statement_and_reasons()
    {
        var request = WriteRequest($$$"""
            {"action": "s3:GetObject", "resource": "arn:aws:s3:::{{{Bucket}}}/private/us-east-1:someone-else/secret.bin",
             "context": {"cognito-identity.amazonaws.com:sub": "{{{Alice}}}"}}
            """);

        var (exit, output, _) = await Run("policy", "eval", "--policy", Uploaders, "--request", request,
            "--param", "AWS::Partition=aws", "--param", $"UploadBucket={Bucket}");

        Assert.That(exit, Is.EqualTo(0));
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.That(root.GetProperty("decision").GetString(), Is.EqualTo("ImplicitDeny"));
        Assert.That(root.GetProperty("policy").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(root.GetProperty("statement").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(root.GetProperty("sid").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var reasons = root.GetProperty("reasons").EnumerateArray().ToList();
        Assert.That(reasons.Select(r => r.GetProperty("sid").GetString()), Does.Contain("ReadWriteOwnPrivate"));
        Assert.That(reasons.Single(r => r.GetProperty("sid").GetString() == "ReadWriteOwnPrivate").GetProperty("reason").GetString(),
            Does.Contain("Resource"));
    }

    [Test]
    public async Task Several_policies_apply_together()
    {
        var extraDeny = WriteFile("deny.json", """
            {"Version": "2012-10-17", "Statement": {"Sid": "NoIsos", "Effect": "Deny", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::*/*.iso"}}
            """);
        var request = WriteRequest($$$"""
            {"action": "s3:PutObject", "resource": "arn:aws:s3:::{{{Bucket}}}/private/{{{Alice}}}/big.iso",
             "context": {"cognito-identity.amazonaws.com:sub": ["{{{Alice}}}"]}}
            """);

        var (exit, output, _) = await Run("policy", "eval", "--policy", Uploaders, "--policy", extraDeny, "--request", request, "--parameters", Matrix);

        Assert.That(exit, Is.EqualTo(0));
        using var json = JsonDocument.Parse(output);
        Assert.That(json.RootElement.GetProperty("decision").GetString(), Is.EqualTo("ExplicitDeny"));
        Assert.That(json.RootElement.GetProperty("policy").GetString(), Is.EqualTo("deny.json"));
    }

    [Test]
    public async Task Access_matrix_parameters_fill_caller_placeholders()
    {
        var request = WriteRequest("""
            {"action": "s3:GetObject", "resource": "arn:${AWS::Partition}:s3:::${UploadBucket}/private/${erin}/notes.txt",
             "context": {"cognito-identity.amazonaws.com:sub": "${erin}"}}
            """);

        var (exit, output, error) = await Run("policy", "eval", "--policy", Uploaders, "--request", request, "--parameters", Matrix);

        Assert.That(exit, Is.EqualTo(0), error);
        using var json = JsonDocument.Parse(output);
        Assert.That(json.RootElement.GetProperty("decision").GetString(), Is.EqualTo("Allow"));
    }

    [Test]
    public async Task Policy_parse_error_exits_two_naming_the_json_path()
    {
        var policy = WriteFile("typo.json", """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
             {"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"StringLikee": {"s3:prefix": "a"}}}]}
            """);
        var request = WriteRequest("""{"action": "s3:GetObject", "resource": "arn:aws:s3:::b/k"}""");

        var (exit, output, error) = await Run("policy", "eval", "--policy", policy, "--request", request);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.Contain("typo.json").And.Contain("$.Statement[1].Condition.StringLikee"));
    }

    [Test]
    public async Task Unreadable_policy_file_exits_two()
    {
        var request = WriteRequest("""{"action": "s3:GetObject", "resource": "arn:aws:s3:::b/k"}""");

        var (exit, _, error) = await Run("policy", "eval", "--policy", Path.Combine(_folder, "missing.json"), "--request", request);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("missing.json"));
    }

    [Test]
    public async Task Unreadable_request_file_exits_two()
    {
        var (exit, _, error) = await Run("policy", "eval", "--policy", Uploaders, "--request", Path.Combine(_folder, "none.json"));

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("none.json"));
    }

    [TestCase("""{"action": "s3:GetObject"}""", "$.resource")]
    [TestCase("""{"action": "", "resource": "arn:aws:s3:::b/k"}""", "$.action")]
    [TestCase("""{"action": "s3:GetObject", "resource": "arn:aws:s3:::b/k", "contxt": {}}""", "$.contxt")]
    [TestCase("""{"action": "s3:GetObject", "resource": "arn:aws:s3:::b/k", "context": {"s3:prefix": {"a": 1}}}""", "s3:prefix")]
    [TestCase("""{"action": "s3:GetObject", "resource": """, "not valid JSON")]
    [TestCase("""["s3:GetObject"]""", "JSON object")]
    public async Task Bad_request_json_exits_two(string requestJson, string expectedMessage)
    {
        var request = WriteRequest(requestJson);

        var (exit, output, error) = await Run("policy", "eval", "--policy", Uploaders, "--request", request);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.Contain(expectedMessage));
    }

    [Test]
    public async Task Missing_options_exit_two()
    {
        var request = WriteRequest("""{"action": "s3:GetObject", "resource": "arn:aws:s3:::b/k"}""");

        var (noPolicy, _, error) = await Run("policy", "eval", "--request", request);
        var (noRequest, _, _) = await Run("policy", "eval", "--policy", Uploaders);

        Assert.That(noPolicy, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--policy"));
        Assert.That(noRequest, Is.EqualTo(2));
    }

    [Test]
    public async Task Bad_param_exits_two()
    {
        var request = WriteRequest("""{"action": "s3:GetObject", "resource": "arn:aws:s3:::b/k"}""");

        var (exit, _, error) = await Run("policy", "eval", "--policy", Uploaders, "--request", request, "--param", "NoEqualsSign");

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("NAME=VALUE"));
    }

    private string WriteRequest(string json) => WriteFile("request.json", json);

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var originalOut = Console.Out;
        var originalError = Console.Error;
        var output = new StringWriter();
        var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exit = await CliApp.RunAsync(args);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }

    /// <summary>The repository root: above the test output folder, else above this source file.</summary>
    private static string FindRoot([CallerFilePath] string sourceFile = "") =>
        FindAbove(TestContext.CurrentContext.TestDirectory) ?? FindAbove(Path.GetDirectoryName(sourceFile)!)
        ?? throw new DirectoryNotFoundException("DirectAccess.sln not found above the test folder");

    private static string? FindAbove(string start)
    {
        var directory = new DirectoryInfo(start);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DirectAccess.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName;
    }
}
