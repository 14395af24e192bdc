using DirectAccess.Client.Config;

namespace DirectAccess.Cli.Infrastructure;

/// <summary>Finds the stack config the same way for every command: flag, environment variable, working directory, environment.</summary>
public static class ConfigResolver
{
    /// <summary>The config to use.</summary>
    /// <exception cref="DirectAccessConfigException">When the named file is missing or malformed, or nothing is configured.</exception>
    public static DirectAccessConfig Resolve(string? path)
    {
        path ??= Environment.GetEnvironmentVariable("DIRECTACCESS_CONFIG");
        if (path is null && File.Exists("directaccess.json"))
        {
            path = "directaccess.json";
        }

        if (path is not null)
        {
            if (!File.Exists(path))
            {
                throw new DirectAccessConfigException($"config file '{path}' does not exist");
            }

            return DirectAccessConfig.Load(path);
        }

        return DirectAccessConfig.FromEnvironment();
    }
}
