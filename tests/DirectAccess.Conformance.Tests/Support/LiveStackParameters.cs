using DirectAccess.Client.Config;
using DirectAccess.Local.Model;

namespace DirectAccess.Conformance.Tests.Support;

/// <summary>
/// The access matrix's <c>${Name}</c> parameters with the running cloud's values: what the client reads from
/// <c>directaccess.json</c>, plus account, partition and stack name from the stack the cloud built.
/// </summary>
public static class LiveStackParameters
{
    public static Dictionary<string, string> Of(DirectAccessConfig config, StackModel stack, string stackName)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS::Partition"] = stack.Buckets[0].Arn.Split(':')[1],
            ["AWS::Region"] = config.Region,
            ["AWS::AccountId"] = stack.AccountId,
            ["AWS::StackName"] = stackName,
            ["UploadBucket"] = config.UploadBucketName ?? throw new InvalidOperationException("directaccess.json names no upload bucket"),
            ["IdentityPool"] = config.IdentityPoolId,
            ["UserPool"] = config.UserPoolId,
            ["UserPoolClient"] = config.UserPoolClientId,
        };
        foreach (var (output, value) in config.Outputs)
        {
            if (output.EndsWith("FunctionName", StringComparison.Ordinal))
            {
                parameters[output[..^"Name".Length]] = value;
            }
        }

        return parameters;
    }
}
