using System.Globalization;
using DirectAccess.Local.Model;
using DirectAccess.Local.Security;

namespace DirectAccess.Local.Lambda.Workers;

/// <summary>
/// The environment of a worker process, as Lambda sets it for a custom runtime (Lambda developer guide, "Defined
/// runtime environment variables"): the function's template variables first, then the reserved ones, which the
/// template cannot override. Nothing else is inherited from the local cloud's own environment except what the .NET
/// host needs to start (<c>PATH</c>, <c>HOME</c>, temp folder, locale, <c>DOTNET_*</c>), so the host's own AWS
/// settings or credentials never leak into a function.
/// </summary>
public static class WorkerEnvironment
{
    private static readonly string[] InheritedNames = ["PATH", "HOME", "TMPDIR", "TMP", "TEMP", "LANG", "SYSTEMROOT", "USERPROFILE"];

    /// <summary>Builds the environment.</summary>
    /// <param name="function">The function.</param>
    /// <param name="region">The local region (<c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>).</param>
    /// <param name="credentials">The execution role's session credentials.</param>
    /// <param name="runtimeApi"><c>127.0.0.1:&lt;port&gt;</c> of the worker's own Runtime API.</param>
    /// <param name="cloudEndpoint">The local cloud (<c>AWS_ENDPOINT_URL</c>).</param>
    /// <param name="taskRoot">The worker's folder (<c>LAMBDA_TASK_ROOT</c>).</param>
    /// <param name="now">Start time (UTC), for the log stream name.</param>
    public static IReadOnlyDictionary<string, string> Build(FunctionModel function, string region, CallerIdentity credentials,
        string runtimeApi, Uri cloudEndpoint, string taskRoot, DateTimeOffset now)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in InheritedNames)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                environment[name] = value;
            }
        }

        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && name.StartsWith("DOTNET_", StringComparison.Ordinal) && entry.Value is string value)
            {
                environment[name] = value;
            }
        }

        foreach (var (name, value) in function.Environment)
        {
            environment[name] = value;
        }

        var endpoint = cloudEndpoint.ToString().TrimEnd('/');
        environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        environment["AWS_LAMBDA_FUNCTION_NAME"] = function.Name;
        environment["AWS_LAMBDA_FUNCTION_VERSION"] = Functions.FunctionCatalog.LatestVersion;
        environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = function.MemorySizeMb.ToString(CultureInfo.InvariantCulture);
        environment["AWS_LAMBDA_LOG_GROUP_NAME"] = $"/aws/lambda/{function.Name}";
        environment["AWS_LAMBDA_LOG_STREAM_NAME"] = $"{now.UtcDateTime:yyyy/MM/dd}/[$LATEST]{Guid.NewGuid():N}";
        environment["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand";
        environment["AWS_REGION"] = region;
        environment["AWS_DEFAULT_REGION"] = region;
        environment["AWS_ACCESS_KEY_ID"] = credentials.AccessKeyId;
        environment["AWS_SECRET_ACCESS_KEY"] = credentials.SecretAccessKey;
        if (credentials.SessionToken is { } token)
        {
            environment["AWS_SESSION_TOKEN"] = token;
        }

        environment["AWS_ENDPOINT_URL"] = endpoint;
        environment["_HANDLER"] = function.Handler;
        environment["LAMBDA_TASK_ROOT"] = taskRoot;
        environment["DOTNET_NOLOGO"] = "1";
        return environment;
    }
}
