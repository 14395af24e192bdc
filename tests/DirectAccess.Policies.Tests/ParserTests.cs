using static DirectAccess.Policies.Tests.PolicyBuilder;

namespace DirectAccess.Policies.Tests;

/// <summary>The strict parser: accepted shapes, and every kind of error naming its JSON path.</summary>
public class ParserTests
{
    private const string Good = """{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}""";

    private static PolicyParseException ParseError(string json) =>
        Assert.Throws<PolicyParseException>(() => PolicyDocument.Parse(json, "bad.json"))!;

    [Test]
    public void Parses_version_id_and_statement_object()
    {
        var policy = PolicyDocument.Parse("""{"Version": "2012-10-17", "Id": "p1", "Statement": {"Sid": "S", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}}""", "one.json");

        Assert.That(policy.Name, Is.EqualTo("one.json"));
        Assert.That(policy.Version, Is.EqualTo("2012-10-17"));
        Assert.That(policy.Id, Is.EqualTo("p1"));
        Assert.That(policy.StatementCount, Is.EqualTo(1));
        Assert.That(policy.PolicyVariablesEnabled, Is.True);
    }

    [Test]
    public void Parses_string_or_list_elements()
    {
        var policy = PolicyDocument.Parse(Policy("""
            [{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": ["arn:aws:s3:::b/*", "arn:aws:s3:::c/*"],
              "Condition": {"StringEquals": {"s3:prefix": ["a", "b"]}, "NumericLessThan": {"s3:max-keys": [10, "20"]}, "Bool": {"aws:SecureTransport": true}}}]
            """), "p");

        Assert.That(policy.StatementCount, Is.EqualTo(1));
    }

    [Test]
    public void Loads_every_policy_file_in_the_repository()
    {
        var files = new[] { "roles", "functions" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(RepoPaths.Policies, folder), "*.json"))
            .ToList();

        Assert.That(files, Has.Count.GreaterThanOrEqualTo(10));
        foreach (var file in files)
        {
            Assert.That(() => PolicyDocument.Load(file), Throws.Nothing, file);
        }
    }

    [TestCase("""{"Version": "2012-10-17", "Statement": [GOOD], "Extra": 1}""", "$.Extra", "unknown policy element")]
    [TestCase("""{"Version": "2012-10-18", "Statement": [GOOD]}""", "$.Version", "unknown policy version")]
    [TestCase("""{"Version": 2012, "Statement": [GOOD]}""", "$.Version", "expected a string")]
    [TestCase("""{"Version": "2012-10-17"}""", "$", "no Statement")]
    [TestCase("""{"Version": "2012-10-17", "Statement": []}""", "$.Statement", "empty list")]
    [TestCase("""{"Version": "2012-10-17", "Statement": "x"}""", "$.Statement", "object or a list")]
    [TestCase("""{"Version": "2012-10-17", "Statement": [GOOD, 5]}""", "$.Statement[1]", "must be an object")]
    [TestCase("""[GOOD]""", "$", "must be a JSON object")]
    [TestCase("""{"Statement": [GOOD],}""", "$", "not valid JSON")]
    [TestCase("""{"Statement": [GOOD], "Statement": [GOOD]}""", "$.Statement", "duplicate element")]
    public void Document_errors_name_the_path(string json, string path, string message)
    {
        var error = ParseError(json.Replace("GOOD", Good));

        Assert.That(error.JsonPath, Is.EqualTo(path));
        Assert.That(error.PolicyName, Is.EqualTo("bad.json"));
        Assert.That(error.Message, Does.StartWith($"bad.json: {path}: ").And.Contain(message));
    }

    [TestCase("""{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Effects": "Allow"}""", "$.Statement[1].Effects", "unknown statement element")]
    [TestCase("""{"effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}""", "$.Statement[1].effect", "unknown statement element")]
    [TestCase("""{"Effect": "allow", "Action": "s3:GetObject", "Resource": "*"}""", "$.Statement[1].Effect", "Allow or Deny")]
    [TestCase("""{"Action": "s3:GetObject", "Resource": "*"}""", "$.Statement[1]", "no Effect")]
    [TestCase("""{"Effect": "Allow", "Resource": "*"}""", "$.Statement[1]", "neither Action nor NotAction")]
    [TestCase("""{"Effect": "Allow", "Action": "s3:GetObject"}""", "$.Statement[1]", "neither Resource")]
    [TestCase("""{"Effect": "Allow", "Action": "s3:GetObject", "NotAction": "s3:PutObject", "Resource": "*"}""", "$.Statement[1]", "not both")]
    [TestCase("""{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "NotResource": "*"}""", "$.Statement[1]", "not both")]
    [TestCase("""{"Effect": "Allow", "Action": "GetObject", "Resource": "*"}""", "$.Statement[1].Action", "malformed action")]
    [TestCase("""{"Effect": "Allow", "Action": ["s3:GetObject", "s3 Put"], "Resource": "*"}""", "$.Statement[1].Action[1]", "malformed action")]
    [TestCase("""{"Effect": "Allow", "Action": [], "Resource": "*"}""", "$.Statement[1].Action", "empty list")]
    [TestCase("""{"Effect": "Allow", "Action": ["s3:GetObject", 3], "Resource": "*"}""", "$.Statement[1].Action[1]", "expected a string")]
    [TestCase("""{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "bucket/*"}""", "$.Statement[1].Resource", "malformed resource")]
    [TestCase("""{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ""}""", "$.Statement[1].Resource", "empty string")]
    [TestCase("""{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username"}""", "$.Statement[1].Resource", "unterminated policy variable")]
    [TestCase("""{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${}"}""", "$.Statement[1].Resource", "empty policy variable")]
    [TestCase("""{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username, anonymous}"}""", "$.Statement[1].Resource", "single-quoted")]
    [TestCase("""{"Sid": "Same", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}""", "$.Statement[1].Sid", "duplicate Sid")]
    [TestCase("""{"Sid": "my-sid", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}""", "$.Statement[1].Sid", "only ASCII letters and digits")]
    [TestCase("""{"Sid": 7, "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}""", "$.Statement[1].Sid", "expected a string")]
    [TestCase("""{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": "cognito"}""", "$.Statement[1].Principal", "must be \"*\"")]
    [TestCase("""{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Federate": "x"}}""", "$.Statement[1].Principal.Federate", "unknown principal type")]
    [TestCase("""{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Federated": []}}""", "$.Statement[1].Principal.Federated", "empty list")]
    public void Statement_errors_name_the_path(string statement, string path, string message)
    {
        var json = Policy($$"""[{"Sid": "Same", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}, {{statement}}]""");

        var error = ParseError(json);

        Assert.That(error.JsonPath, Is.EqualTo(path));
        Assert.That(error.Message, Does.Contain(message));
    }

    [TestCase("""{"StringLikee": {"s3:prefix": "a"}}""", "$.Statement[0].Condition.StringLikee", "unknown condition operator")]
    [TestCase("""{"stringlike": {"s3:prefix": "a"}}""", "$.Statement[0].Condition.stringlike", "unknown condition operator")]
    [TestCase("""{"ForSomeValues:StringLike": {"s3:prefix": "a"}}""", "$.Statement[0].Condition.ForSomeValues:StringLike", "unknown condition qualifier")]
    [TestCase("""{"ForAnyValue:StringLikee": {"s3:prefix": "a"}}""", "$.Statement[0].Condition.ForAnyValue:StringLikee", "unknown condition operator")]
    [TestCase("""{"StringLikeIfExist": {"s3:prefix": "a"}}""", "$.Statement[0].Condition.StringLikeIfExist", "unknown condition operator")]
    [TestCase("""{"NullIfExists": {"s3:prefix": "true"}}""", "$.Statement[0].Condition.NullIfExists", "Null operator")]
    [TestCase("""{"ForAllValues:Null": {"s3:prefix": "true"}}""", "$.Statement[0].Condition.ForAllValues:Null", "Null operator")]
    [TestCase("""{"StringLike": "a"}""", "$.Statement[0].Condition.StringLike", "expected an object")]
    [TestCase("""{"StringLike": {}}""", "$.Statement[0].Condition.StringLike", "no condition keys")]
    [TestCase("""{"StringLike": {"prefix": "a"}}""", "$.Statement[0].Condition.StringLike.prefix", "malformed condition key")]
    [TestCase("""{"StringLike": {"s3:prefix": {"a": 1}}}""", "$.Statement[0].Condition.StringLike.s3:prefix", "string, boolean or number")]
    [TestCase("""{"StringLike": {"s3:prefix": ["a", null]}}""", "$.Statement[0].Condition.StringLike.s3:prefix[1]", "string, boolean or number")]
    [TestCase("""{"StringLike": {"s3:prefix": ["a", ["b"]]}}""", "$.Statement[0].Condition.StringLike.s3:prefix[1]", "string, boolean or number")]
    [TestCase("""{"StringLike": {"s3:prefix": []}}""", "$.Statement[0].Condition.StringLike.s3:prefix", "empty list")]
    [TestCase("""{"NumericLessThan": {"s3:max-keys": "ten"}}""", "$.Statement[0].Condition.NumericLessThan.s3:max-keys", "not a number")]
    [TestCase("""{"DateLessThan": {"aws:CurrentTime": "tomorrow"}}""", "$.Statement[0].Condition.DateLessThan.aws:CurrentTime", "ISO 8601")]
    [TestCase("""{"Bool": {"aws:SecureTransport": "yes"}}""", "$.Statement[0].Condition.Bool.aws:SecureTransport", "true or false")]
    [TestCase("""{"IpAddress": {"aws:SourceIp": "10.0.0.0/33"}}""", "$.Statement[0].Condition.IpAddress.aws:SourceIp", "prefix length")]
    [TestCase("""{"IpAddress": {"aws:SourceIp": "10.0.0.300"}}""", "$.Statement[0].Condition.IpAddress.aws:SourceIp", "not an IP address")]
    [TestCase("""{"ArnLike": {"aws:SourceArn": "arn:aws:s3"}}""", "$.Statement[0].Condition.ArnLike.aws:SourceArn", "6 colon-separated parts")]
    [TestCase("""{"BinaryEquals": {"test:bin": "%%%"}}""", "$.Statement[0].Condition.BinaryEquals.test:bin", "BinaryEquals")]
    [TestCase("""{"Null": {"test:key": "maybe"}}""", "$.Statement[0].Condition.Null.test:key", "true or false")]
    [TestCase("""{"StringLike": {"s3:prefix": "a", "s3:prefix": "b"}}""", "$.Statement[0].Condition.StringLike.s3:prefix", "duplicate element")]
    [TestCase("""[]""", "$.Statement[0].Condition", "must be an object")]
    public void Condition_errors_name_the_path(string condition, string path, string message)
    {
        var error = ParseError(Policy($"[{Allow("s3:GetObject", "*", $"\"Condition\": {condition}")}]"));

        Assert.That(error.JsonPath, Is.EqualTo(path));
        Assert.That(error.Message, Does.Contain(message));
    }

    [Test]
    public void Statement_object_errors_use_the_statement_path()
    {
        var error = ParseError("""{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Foo": 1}}""");

        Assert.That(error.JsonPath, Is.EqualTo("$.Statement.Foo"));
    }

    [Test]
    public void Identity_policy_with_a_principal_is_rejected_at_compile()
    {
        var policy = PolicyDocument.Parse(Policy("""[{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]"""), "p.json");

        var error = Assert.Throws<PolicyParseException>(() => PolicySet.Compile([policy]))!;

        Assert.That(error.JsonPath, Is.EqualTo("$.Statement[0]"));
        Assert.That(error.Message, Does.Contain("Principal"));
    }

    [Test]
    public void Loading_a_missing_file_is_an_io_error() =>
        Assert.That(() => PolicyDocument.Load(Path.Combine(Path.GetTempPath(), "no-such-policy-" + Guid.NewGuid() + ".json")),
            Throws.InstanceOf<IOException>());
}
