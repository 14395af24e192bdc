using DirectAccess.Local.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DirectAccess.Local;

/// <summary>The local cloud's own command line: parses options, starts, prints <c>ready</c>, runs until Ctrl+C.</summary>
public static class LocalCloudCommandLine
{
    /// <summary>Runs the local cloud in the foreground. Exit code 0 on Ctrl+C, 2 on bad arguments or template.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        LocalCloudOptions options;
        try
        {
            options = Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }

        LocalCloud cloud;
        try
        {
            cloud = await LocalCloud.StartAsync(options);
        }
        catch (TemplateException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }

        await using (cloud)
        {
            Console.WriteLine($"DirectAccess local cloud ready at {cloud.Endpoint} (region {options.Region}, data {options.DataDir})");
            Console.WriteLine($"admin credentials: {options.AdminAccessKeyId} / {options.AdminSecretAccessKey}");
            Console.WriteLine($"config: {cloud.ConfigPath}");
            // The host's console lifetime turns SIGINT/SIGTERM into "application stopping"; wait for that.
            var stop = new TaskCompletionSource();
            cloud.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stop.TrySetResult());
            await stop.Task;
        }

        return 0;
    }

    /// <summary>Parses <c>--name value</c> options. Throws <see cref="ArgumentException"/> naming a bad option.</summary>
    public static LocalCloudOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"unexpected argument '{args[i]}' (options are --name value)");
            }

            values[args[i][2..]] = args[++i];
        }

        string? Take(string name) => values.Remove(name, out var v) ? v : null;
        var defaults = new LocalCloudOptions { DataDir = "", TemplatePath = "" };
        var options = new LocalCloudOptions
        {
            Port = int.TryParse(Take("port") ?? "4566", out var port) && port is >= 0 and <= 65535
                ? port : throw new ArgumentException("--port must be 0..65535"),
            DataDir = Path.GetFullPath(Take("data-dir") ?? Path.Combine(Environment.CurrentDirectory, ".directaccess-local")),
            TemplatePath = Path.GetFullPath(Take("template") ?? "template.yaml"),
            Region = Take("region") ?? defaults.Region,
            AdminAccessKeyId = Take("admin-access-key-id") ?? defaults.AdminAccessKeyId,
            AdminSecretAccessKey = Take("admin-secret-access-key") ?? defaults.AdminSecretAccessKey,
            CredentialLifetime = Take("credential-lifetime") is { } s
                ? (int.TryParse(s, out var secs) && secs > 0 ? TimeSpan.FromSeconds(secs) : throw new ArgumentException("--credential-lifetime must be seconds > 0"))
                : defaults.CredentialLifetime,
            AuditLogPath = Take("audit-log"),
        };
        if (values.Count > 0)
        {
            throw new ArgumentException($"unknown option --{values.Keys.First()}");
        }

        return options;
    }
}
