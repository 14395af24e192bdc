using DirectAccess.Local.Lambda.Functions;
using DirectAccess.Local.Lambda.Protocol;

namespace DirectAccess.Local.Lambda.Tests;

/// <summary>The <c>FunctionName</c> forms of the Invoke API reference, and the ARN IAM authorizes for each.</summary>
public sealed class FunctionReferenceTests
{
    private const string Region = "us-east-1";
    private const string Account = "000000000000";

    [TestCase("my-fn", null, "arn:aws:lambda:us-east-1:000000000000:function:my-fn", null)]
    [TestCase("my-fn:$LATEST", null, "arn:aws:lambda:us-east-1:000000000000:function:my-fn:$LATEST", "$LATEST")]
    [TestCase("my-fn", "live", "arn:aws:lambda:us-east-1:000000000000:function:my-fn:live", "live")]
    [TestCase("arn:aws:lambda:eu-west-1:123456789012:function:my_fn", null, "arn:aws:lambda:eu-west-1:123456789012:function:my_fn", null)]
    [TestCase("arn:aws:lambda:us-east-1:000000000000:function:my-fn:7", "7", "arn:aws:lambda:us-east-1:000000000000:function:my-fn:7", "7")]
    [TestCase("123456789012:function:my-fn", null, "arn:aws:lambda:us-east-1:123456789012:function:my-fn", null)]
    public void Parses_every_documented_form(string functionName, string? queryQualifier, string expectedArn, string? expectedQualifier)
    {
        var reference = FunctionReference.Parse(functionName, queryQualifier, Region, Account);

        Assert.That(reference.QualifiedArn, Is.EqualTo(expectedArn));
        Assert.That(reference.Qualifier, Is.EqualTo(expectedQualifier));
        Assert.That(reference.Name, Does.StartWith("my"));
    }

    [TestCase("", null, "ValidationException")]
    [TestCase("bad name", null, "ValidationException")]
    [TestCase("a:b:c:d:e", null, "ValidationException")]
    [TestCase("arn:aws:s3:::bucket", null, "ValidationException")]
    [TestCase("my-fn", "bad qualifier!", "ValidationException")]
    [TestCase("my-fn:one", "two", "InvalidParameterValueException")]
    public void Refuses_malformed_names_and_conflicting_qualifiers(string functionName, string? queryQualifier, string errorCode)
    {
        var error = Assert.Throws<LambdaException>(() => FunctionReference.Parse(functionName, queryQualifier, Region, Account));

        Assert.That(error!.ErrorCode, Is.EqualTo(errorCode));
        Assert.That(error.StatusCode, Is.EqualTo(400));
    }
}
