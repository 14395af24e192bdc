namespace DirectAccess.Conformance.Tests.Matrix;

/// <summary>A Lambda function ARN taken apart: <c>arn:&lt;partition&gt;:lambda:&lt;region&gt;:&lt;account&gt;:function:&lt;name&gt;[:&lt;qualifier&gt;]</c>.</summary>
public sealed record LambdaTarget(string FunctionName, string? Qualifier)
{
    public static LambdaTarget Parse(string arn)
    {
        var parts = arn.Split(':');
        if (parts.Length is < 7 or > 8 || parts[0] != "arn" || parts[2] != "lambda" || parts[5] != "function")
        {
            throw new FormatException($"not a Lambda function ARN: {arn}");
        }

        return new LambdaTarget(parts[6], parts.Length == 8 ? parts[7] : null);
    }
}
