using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Lambda.Routing;

/// <summary>The Lambda operations served, by their REST paths in botocore's <c>lambda/2015-03-31</c> model.</summary>
public enum LambdaOperation
{
    /// <summary><c>POST /2015-03-31/functions/{FunctionName}/invocations</c>.</summary>
    Invoke,

    /// <summary><c>GET /2015-03-31/functions/{FunctionName}</c>.</summary>
    GetFunction,

    /// <summary><c>GET /2015-03-31/functions/</c>.</summary>
    ListFunctions,
}

/// <summary>A request matched to an operation, with its <c>{FunctionName}</c> path segment (decoded) when it has one.</summary>
/// <param name="Operation">The operation.</param>
/// <param name="FunctionName">The decoded function name segment, or null for <c>ListFunctions</c>.</param>
public sealed record LambdaRoute(LambdaOperation Operation, string? FunctionName)
{
    /// <summary>Path prefix of every Lambda API request this service takes.</summary>
    public const string Prefix = "/2015-03-31/functions";

    /// <summary>Matches <paramref name="request"/>, or null when it is no operation served here.</summary>
    public static LambdaRoute? Match(HttpRequest request)
    {
        var path = request.Path.Value ?? string.Empty;
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = path[Prefix.Length..].Trim('/');
        var method = request.Method;
        if (rest.Length == 0)
        {
            return HttpMethods.IsGet(method) ? new LambdaRoute(LambdaOperation.ListFunctions, null) : null;
        }

        var segments = rest.Split('/');
        return segments switch
        {
            [var name] when HttpMethods.IsGet(method) => new LambdaRoute(LambdaOperation.GetFunction, name),
            [var name, "invocations"] when HttpMethods.IsPost(method) => new LambdaRoute(LambdaOperation.Invoke, name),
            _ => null,
        };
    }
}
