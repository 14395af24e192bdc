using System.Diagnostics;
using System.Text.Json;
using DirectAccess.Testing;

namespace DirectAccess.Local.Identity.Tests.Support;

/// <summary>
/// Runs the AWS CLI (an independent implementation: botocore) against the local endpoint, isolated from any user
/// profile; credentials default to the local administrator. Each run is bounded to 60 s.
/// </summary>
public sealed class AwsCli(Uri endpoint)
{
    private readonly string _aws = OutsideTools.Require("aws");

    public async Task<CliResult> RunAsync(IReadOnlyList<string> args, (string Key, string Secret, string? Token)? credentials = null)
    {
        var start = new ProcessStartInfo(_aws)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args.Concat(["--endpoint-url", endpoint.ToString(), "--output", "json"]))
        {
            start.ArgumentList.Add(arg);
        }

        var (key, secret, token) = credentials ?? (LocalCloudOptions.DefaultAdminAccessKeyId, LocalCloudOptions.DefaultAdminSecretAccessKey, null);
        start.Environment["AWS_ACCESS_KEY_ID"] = key;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = secret;
        start.Environment.Remove("AWS_SESSION_TOKEN");
        if (token is not null)
        {
            start.Environment["AWS_SESSION_TOKEN"] = token;
        }

        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = "/nonexistent/aws-config";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials";
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment.Remove("AWS_PROFILE");
        start.Environment.Remove("AWS_ENDPOINT_URL");

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>Exit code and output of one CLI run.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Asserts success and parses stdout as JSON (empty output → empty object).</summary>
    public JsonElement Json()
    {
        Assert.That(ExitCode, Is.Zero, () => Stderr);
        return JsonDocument.Parse(string.IsNullOrWhiteSpace(Stdout) ? "{}" : Stdout).RootElement.Clone();
    }
}
