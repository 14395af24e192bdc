using Microsoft.Extensions.Configuration;

namespace DirectAccess.Functions.Worker.Hosting;

/// <summary>
/// Which registered function this process serves: <c>DIRECTACCESS_FUNCTION</c>, else <c>_HANDLER</c> (the handler
/// Lambda configures for a custom runtime; AWS Lambda developer guide, "Defined runtime environment variables").
/// </summary>
public static class FunctionSelection
{
    /// <summary>The variable naming the function, set per function by the template.</summary>
    public const string FunctionVariable = "DIRECTACCESS_FUNCTION";

    /// <summary>Lambda's handler variable, the fallback.</summary>
    public const string HandlerVariable = "_HANDLER";

    /// <summary>The configured name, or null when neither variable is set.</summary>
    /// <param name="configuration">The worker's configuration.</param>
    /// <returns>The name, or null.</returns>
    public static string? ConfiguredName(IConfiguration configuration)
    {
        var name = configuration[FunctionVariable];
        return string.IsNullOrWhiteSpace(name) ? NullIfBlank(configuration[HandlerVariable]) : name;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
