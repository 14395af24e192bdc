namespace DirectAccess.Functions.Worker.Hosting;

/// <summary>
/// Entry point of the worker, shaped like Azure Functions' isolated worker:
/// <c>var builder = FunctionsApplication.CreateBuilder(args); ... ; return await builder.Build().RunAsync();</c>.
/// </summary>
public static class FunctionsApplication
{
    /// <summary>
    /// Creates a builder whose configuration holds the process environment variables (<c>AWS_LAMBDA_RUNTIME_API</c>,
    /// <c>DIRECTACCESS_FUNCTION</c>, <c>AWS_LAMBDA_FUNCTION_NAME</c>, ...), whose logging writes JSON lines to stdout, and
    /// whose service collection is empty apart from the worker's own services.
    /// </summary>
    /// <param name="args">The command-line arguments; kept for the familiar shape, not read (Lambda passes none).</param>
    /// <returns>A new builder.</returns>
    public static FunctionsApplicationBuilder CreateBuilder(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new FunctionsApplicationBuilder();
    }
}
