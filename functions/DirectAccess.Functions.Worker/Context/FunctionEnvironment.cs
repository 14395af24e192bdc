using Microsoft.Extensions.Configuration;

namespace DirectAccess.Functions.Worker.Context;

/// <summary>
/// The per-process facts Lambda sets as environment variables for a custom runtime (AWS Lambda developer guide,
/// "Defined runtime environment variables"), read once at start-up.
/// </summary>
/// <param name="FunctionName"><c>AWS_LAMBDA_FUNCTION_NAME</c>; empty when unset.</param>
/// <param name="FunctionVersion"><c>AWS_LAMBDA_FUNCTION_VERSION</c>; <c>$LATEST</c> when unset.</param>
/// <param name="MemoryLimitInMB"><c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c> in MB; 0 when unset or not a number.</param>
/// <param name="LogGroupName"><c>AWS_LAMBDA_LOG_GROUP_NAME</c>; empty when unset.</param>
/// <param name="LogStreamName"><c>AWS_LAMBDA_LOG_STREAM_NAME</c>; empty when unset.</param>
public sealed record FunctionEnvironment(
    string FunctionName,
    string FunctionVersion,
    int MemoryLimitInMB,
    string LogGroupName,
    string LogStreamName)
{
    /// <summary>Reads the variables from configuration (environment variables, or overrides a test adds).</summary>
    /// <param name="configuration">The worker's configuration.</param>
    /// <returns>The environment; never null, missing values defaulted as documented on each parameter.</returns>
    public static FunctionEnvironment From(IConfiguration configuration)
    {
        _ = int.TryParse(configuration["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"], out var memory);
        return new FunctionEnvironment(
            configuration["AWS_LAMBDA_FUNCTION_NAME"] ?? string.Empty,
            configuration["AWS_LAMBDA_FUNCTION_VERSION"] ?? "$LATEST",
            memory,
            configuration["AWS_LAMBDA_LOG_GROUP_NAME"] ?? string.Empty,
            configuration["AWS_LAMBDA_LOG_STREAM_NAME"] ?? string.Empty);
    }
}
