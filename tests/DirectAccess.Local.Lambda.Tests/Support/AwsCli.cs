using System.Diagnostics;
using DirectAccess.Local.Security;
using DirectAccess.Testing;

namespace DirectAccess.Local.Lambda.Tests.Support;

/// <summary>Runs the AWS CLI (an independent SigV4 and REST-JSON implementation) with given credentials.</summary>
public static class AwsCli
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError);

    /// <summary>Runs <c>aws &lt;arguments&gt;</c> (at most 60 s), isolated from any local AWS configuration.</summary>
    public static async Task<Result> RunAsync(CallerIdentity caller, string region, string workingDirectory, params string[] arguments)
    {
        var aws = OutsideTools.Require("aws");
        var start = new ProcessStartInfo(aws)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = caller.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = caller.SecretAccessKey;
        if (caller.SessionToken is { } token)
        {
            start.Environment["AWS_SESSION_TOKEN"] = token;
        }
        else
        {
            start.Environment.Remove("AWS_SESSION_TOKEN");
        }

        start.Environment["AWS_DEFAULT_REGION"] = region;
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(workingDirectory, "no-config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(workingDirectory, "no-credentials");
        start.Environment.Remove("AWS_PROFILE");
        start.Environment.Remove("AWS_ENDPOINT_URL");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
