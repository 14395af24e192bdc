using System.Text.RegularExpressions;
using DirectAccess.Local.Lambda.Protocol;

namespace DirectAccess.Local.Lambda.Functions;

/// <summary>
/// A function named in a request, parsed from any of the forms the Lambda API accepts for <c>FunctionName</c>
/// (Invoke API reference): <c>my-function</c>, <c>my-function:qualifier</c>,
/// <c>arn:aws:lambda:&lt;region&gt;:&lt;account&gt;:function:my-function[:qualifier]</c> and the partial ARN
/// <c>&lt;account&gt;:function:my-function[:qualifier]</c>, plus an optional <c>Qualifier</c> query parameter.
/// </summary>
/// <param name="Name">The function name (1–64 of <c>[a-zA-Z0-9-_]</c>).</param>
/// <param name="Region">Region of the ARN, or the local region when only a name was given.</param>
/// <param name="AccountId">Account of the ARN, or the local account when not given.</param>
/// <param name="Qualifier">Version or alias (e.g. <c>$LATEST</c>), or null when none was given.</param>
public sealed partial record FunctionReference(string Name, string Region, string AccountId, string? Qualifier)
{
    /// <summary>The unqualified ARN <c>arn:aws:lambda:&lt;region&gt;:&lt;account&gt;:function:&lt;name&gt;</c>.</summary>
    public string FunctionArn => $"arn:aws:lambda:{Region}:{AccountId}:function:{Name}";

    /// <summary>
    /// The ARN IAM authorizes and the function sees as <c>InvokedFunctionArn</c>: the function ARN with
    /// <c>:&lt;qualifier&gt;</c> when a qualifier was given (Lambda developer guide, "Resource-based IAM policies").
    /// </summary>
    public string QualifiedArn => Qualifier is null ? FunctionArn : $"{FunctionArn}:{Qualifier}";

    /// <summary>Parses <paramref name="functionName"/> and <paramref name="queryQualifier"/>.</summary>
    /// <param name="functionName">The decoded <c>{FunctionName}</c> path segment.</param>
    /// <param name="queryQualifier">The <c>Qualifier</c> query value, or null.</param>
    /// <param name="localRegion">Region to assume for a plain name.</param>
    /// <param name="localAccountId">Account to assume for a plain name.</param>
    /// <exception cref="LambdaException">400 <c>ValidationException</c> for a malformed name or qualifier;
    /// 400 <c>InvalidParameterValueException</c> when the name's qualifier and the query's differ.</exception>
    public static FunctionReference Parse(string functionName, string? queryQualifier, string localRegion, string localAccountId)
    {
        var parts = functionName.Split(':');
        string name, region = localRegion, account = localAccountId;
        string? qualifier = null;
        if (parts.Length is 7 or 8 && parts[0] == "arn" && parts[2] == "lambda" && parts[5] == "function" && parts[1].StartsWith("aws", StringComparison.Ordinal))
        {
            (region, account, name) = (parts[3], parts[4], parts[6]);
            qualifier = parts.Length == 8 ? parts[7] : null;
        }
        else if (parts.Length is 3 or 4 && parts[1] == "function")
        {
            (account, name) = (parts[0], parts[2]);
            qualifier = parts.Length == 4 ? parts[3] : null;
        }
        else if (parts.Length is 1 or 2)
        {
            name = parts[0];
            qualifier = parts.Length == 2 ? parts[1] : null;
        }
        else
        {
            throw NameValidation(functionName);
        }

        if (!NamePattern().IsMatch(name) || !RegionPattern().IsMatch(region) || !AccountPattern().IsMatch(account))
        {
            throw NameValidation(functionName);
        }

        if (queryQualifier is not null)
        {
            if (!QualifierPattern().IsMatch(queryQualifier))
            {
                throw LambdaException.Validation(
                    $"1 validation error detected: Value '{queryQualifier}' at 'qualifier' failed to satisfy constraint: Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)");
            }

            if (qualifier is not null && qualifier != queryQualifier)
            {
                throw LambdaException.InvalidParameterValue("The derived qualifier from the function name does not match the specified qualifier.");
            }

            qualifier = queryQualifier;
        }
        else if (qualifier is not null && !QualifierPattern().IsMatch(qualifier))
        {
            throw NameValidation(functionName);
        }

        return new FunctionReference(name, region, account, qualifier);
    }

    private static LambdaException NameValidation(string value) => LambdaException.Validation(
        $"1 validation error detected: Value '{value}' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{{2}}(-gov)?-[a-z]+-\\d{{1}}:)?(\\d{{12}}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-zA-Z0-9$_-]{1,128}$")]
    private static partial Regex QualifierPattern();

    [GeneratedRegex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();
}
