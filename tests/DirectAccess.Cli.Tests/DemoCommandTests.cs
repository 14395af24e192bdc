using DirectAccess.Testing;

namespace DirectAccess.Cli.Tests;

/// <summary>The main job, bounded for CI: <c>directaccess demo --size 64MiB</c> runs green.</summary>
public sealed class DemoCommandTests
{
    [Test]
    public async Task Demo_with_64_MiB_runs_every_step_as_expected()
    {
        using var home = new TempDirectory("cli-demo");

        var run = await CliProcess.RunAsync(home.Path, "demo", "--size", "64MiB", "--template", RepoPaths.Template, "--json");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var steps = run.Json["steps"]!.AsArray();
        Assert.That(steps.Select(s => (bool?)s!["asExpected"]), Has.All.True, run.Stdout);
        Assert.That(steps.Select(s => (string?)s!["step"]), Has.Some.Contains("ProcessUpload").And.Some.Contains("denied").And.Some.Contains("AdminReport"));
        Assert.That(steps.Count, Is.GreaterThanOrEqualTo(10));
    }

    [Test]
    public async Task Demo_refuses_a_bad_size()
    {
        using var home = new TempDirectory("cli-demo");

        var run = await CliProcess.RunAsync(home.Path, "demo", "--size", "lots");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
    }
}
