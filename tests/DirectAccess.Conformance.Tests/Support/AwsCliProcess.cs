using System.Diagnostics;
using Amazon.Runtime;
using DirectAccess.Testing;

namespace DirectAccess.Conformance.Tests.Support;

/// <summary>
/// Runs the AWS CLI (botocore: an independent SigV4 signer and S3/Lambda/Cognito client) against the local cloud
/// with a user's temporary credentials in its environment and no AWS configuration of the machine.
/// </summary>
public sealed class AwsCliProcess(Uri endpoint, string region, string workDirectory)
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout: {StandardOutput}\nstderr: {StandardError}";
    }

    public async Task<Result> RunAsync(ImmutableCredentials credentials, params string[] arguments)
    {
        var start = new ProcessStartInfo(OutsideTools.Require("aws"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDirectory,
        };
        foreach (var argument in (string[])[.. arguments, "--endpoint-url", endpoint.ToString(), "--region", region])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var inherited in new[] { "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_ENDPOINT_URL", "AWS_CA_BUNDLE", "AWS_DEFAULT_REGION", "AWS_REGION" })
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = credentials.AccessKey;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = credentials.SecretKey;
        start.Environment["AWS_SESSION_TOKEN"] = credentials.Token;
        start.Environment["AWS_CONFIG_FILE"] = EmptyFile("aws-config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = EmptyFile("aws-credentials");
        start.Environment["AWS_PAGER"] = "";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
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

    private string EmptyFile(string name)
    {
        var path = Path.Combine(workDirectory, name);
        File.WriteAllText(path, "");
        return path;
    }
}
