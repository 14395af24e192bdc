using System.Diagnostics;

namespace DirectAccess.Foundation.Tests;

/// <summary>An independent implementation validates the template: cfn-lint (skipped, with a message, when absent).</summary>
public sealed class CfnLintTests
{
    [Test]
    public async Task Cfn_lint_reports_no_errors()
    {
        var cfnLint = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(d => Path.Combine(d, "cfn-lint")).FirstOrDefault(File.Exists);
        if (cfnLint is null)
        {
            Assert.Ignore("cfn-lint is not installed; the template lint check needs it.");
        }

        var start = new ProcessStartInfo(cfnLint!, ["--format", "parseable", RepoRoot.File("template.yaml")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        // cfn-lint's exit code is a bit set: 2 = errors, 4 = warnings, 8 = informational; 1 = it crashed.
        Assert.That(process.ExitCode & 3, Is.Zero, output + errors);
    }
}
