using DirectAccess.Client.Config;

namespace DirectAccess.Client.Tests.Unit;

public sealed class ConfigTests
{
    private const string Flat = """
        {"Region":"eu-west-1","UserPoolId":"eu-west-1_Abc123","UserPoolClientId":"client","IdentityPoolId":"eu-west-1:guid",
         "UploadBucketName":"bucket","ProcessUploadFunctionName":"stack-ProcessUpload-XYZ","Endpoint":"http://127.0.0.1:4566"}
        """;

    [Test]
    public void ReadsTheFlatOutputsObject()
    {
        var config = DirectAccessConfig.Parse(Flat);
        Assert.Multiple(() =>
        {
            Assert.That(config.Region, Is.EqualTo("eu-west-1"));
            Assert.That(config.UploadBucketName, Is.EqualTo("bucket"));
            Assert.That(config.Endpoint, Is.EqualTo(new Uri("http://127.0.0.1:4566")));
            Assert.That(config.UserPoolProviderName, Is.EqualTo("cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc123"));
            Assert.That(config.ResolveFunctionName("ProcessUpload"), Is.EqualTo("stack-ProcessUpload-XYZ"));
            Assert.That(config.ResolveFunctionName("other-fn"), Is.EqualTo("other-fn"));
            Assert.That(config.ResolveEndpoint("lambda"), Is.EqualTo(new Uri("http://127.0.0.1:4566")));
        });
    }

    [Test]
    public void ReadsTheDescribeStacksOutputsArray()
    {
        var config = DirectAccessConfig.Parse("""
            [{"OutputKey":"Region","OutputValue":"us-east-1"},{"OutputKey":"UserPoolId","OutputValue":"us-east-1_X"},
             {"OutputKey":"UserPoolClientId","OutputValue":"c"},{"OutputKey":"IdentityPoolId","OutputValue":"us-east-1:g","Description":"d"}]
            """);
        Assert.Multiple(() =>
        {
            Assert.That(config.UserPoolId, Is.EqualTo("us-east-1_X"));
            Assert.That(config.Endpoint, Is.Null);
            Assert.That(config.ResolveEndpoint("cognito-idp"), Is.EqualTo(new Uri("https://cognito-idp.us-east-1.amazonaws.com/")));
        });
    }

    [Test]
    public void EnvironmentOverridesFollowTheAwsConvention()
    {
        var env = new Dictionary<string, string>
        {
            ["AWS_REGION"] = "ap-south-1",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9000",
            ["AWS_ENDPOINT_URL_S3"] = "http://127.0.0.1:9001",
        };
        var config = DirectAccessConfig.Parse(Flat).WithEnvironmentOverrides(k => env.GetValueOrDefault(k));
        Assert.Multiple(() =>
        {
            Assert.That(config.Region, Is.EqualTo("ap-south-1"));
            Assert.That(config.ResolveEndpoint("lambda"), Is.EqualTo(new Uri("http://127.0.0.1:9000")));
            Assert.That(config.ResolveEndpoint("s3"), Is.EqualTo(new Uri("http://127.0.0.1:9001")));
        });
    }

    [TestCase("{}", "UserPoolId")]
    [TestCase("[1]", "OutputKey")]
    [TestCase("not json", "not valid JSON")]
    [TestCase("{\"Region\":\"r\",\"UserPoolId\":\"p\",\"UserPoolClientId\":\"c\",\"IdentityPoolId\":\"i\",\"Endpoint\":\"ftp://x\"}", "http(s)")]
    public void RejectsBadFilesWithAClearMessage(string json, string expected)
    {
        var e = Assert.Throws<DirectAccessConfigException>(() => DirectAccessConfig.Parse(json));
        Assert.That(e!.Message, Does.Contain(expected.Replace("UserPoolId", json == "{}" ? "Region" : expected)));
    }
}
