using DirectAccess.Local.Lambda.Protocol;
using DirectAccess.Local.Model;

namespace DirectAccess.Local.Lambda.Functions;

/// <summary>The template's functions, looked up the way Lambda resolves a <see cref="FunctionReference"/>.</summary>
public sealed class FunctionCatalog
{
    /// <summary>The only version that exists locally: functions are never published.</summary>
    public const string LatestVersion = "$LATEST";

    private readonly Dictionary<string, FunctionModel> _byName;

    /// <summary>Indexes <paramref name="stack"/>'s functions by name (names are case-sensitive, as in Lambda).</summary>
    public FunctionCatalog(StackModel stack)
    {
        Region = stack.Region;
        AccountId = stack.AccountId;
        Functions = stack.Functions.OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
        _byName = Functions.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>The local region.</summary>
    public string Region { get; }

    /// <summary>The local account id.</summary>
    public string AccountId { get; }

    /// <summary>Every function, ordered by name (the order <c>ListFunctions</c> pages through).</summary>
    public IReadOnlyList<FunctionModel> Functions { get; }

    /// <summary>Parses a request's <c>FunctionName</c> and <c>Qualifier</c> against the local region and account.</summary>
    /// <exception cref="LambdaException">The name or qualifier is malformed.</exception>
    public FunctionReference Parse(string functionName, string? queryQualifier) =>
        FunctionReference.Parse(functionName, queryQualifier, Region, AccountId);

    /// <summary>
    /// The function <paramref name="reference"/> names. Only <c>$LATEST</c> (or no qualifier) exists; another
    /// version or alias, another region or account, or an unknown name is 404 <c>ResourceNotFoundException</c>
    /// "Function not found: &lt;qualified arn&gt;".
    /// </summary>
    public FunctionModel Find(FunctionReference reference)
    {
        if (reference.Region == Region && reference.AccountId == AccountId
            && reference.Qualifier is null or LatestVersion
            && _byName.TryGetValue(reference.Name, out var function))
        {
            return function;
        }

        throw LambdaException.FunctionNotFound(reference.QualifiedArn);
    }
}
