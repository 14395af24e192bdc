using System.Net;
using System.Text.Json.Nodes;
using DirectAccess.Testing;

namespace DirectAccess.Local.Tests;

/// <summary>Starting the local cloud as a user does: the ready line, the config it writes, refusals.</summary>
public sealed class LocalCloudStartupTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Test]
    public async Task Prints_ready_with_a_free_port_and_answers_there()
    {
        using var data = new TempDirectory();
        await using var cloud = LocalCloudProcess.Start("--port", "0", "--data-dir", data.Path, "--template", RepoPaths.Template);

        var endpoint = await cloud.WaitForReadyAsync(StartTimeout);

        Assert.That(endpoint.Port, Is.Not.EqualTo(0));
        using var http = new HttpClient();
        // An unsigned S3 request is refused, AWS-style: the service is there and fails closed.
        using var response = await http.GetAsync(new Uri(endpoint, "/"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden).Or.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(cloud.Output, Has.Some.Contains(LocalCloudOptions.DefaultAdminAccessKeyId), "admin credentials are printed");
    }

    [TestCase("SIGINT")]
    [TestCase("SIGTERM")]
    public async Task Stops_cleanly_on_a_signal(string signal)
    {
        using var data = new TempDirectory();
        await using var cloud = LocalCloudProcess.Start("--port", "0", "--data-dir", data.Path, "--template", RepoPaths.Template);
        await cloud.WaitForReadyAsync(StartTimeout);

        if (signal == "SIGINT")
        {
            cloud.Interrupt();
        }
        else
        {
            cloud.Terminate();
        }

        Assert.That(await cloud.WaitForExitAsync(TimeSpan.FromSeconds(30)), Is.Zero);
    }

    [Test]
    public async Task Writes_directaccess_json_with_the_resolved_outputs_and_the_endpoint()
    {
        await using var cloud = await TestCloud.StartAsync();

        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(cloud.DataDir, "directaccess.json")))!.AsObject();

        Assert.That(config.Select(p => p.Key), Is.SupersetOf(new[]
        {
            "Region", "UserPoolId", "UserPoolClientId", "IdentityPoolId", "UploadBucketName",
            "WhoAmIFunctionName", "ProcessUploadFunctionName", "ShareFileFunctionName", "AdminReportFunctionName", "Endpoint",
        }));
        Assert.That((string?)config["Endpoint"], Is.EqualTo(cloud.Endpoint.ToString().TrimEnd('/')).Or.EqualTo(cloud.Endpoint.ToString()));
        Assert.That((string?)config["UserPoolId"], Does.Match(@"^us-east-1_[0-9a-zA-Z]+$"));
        Assert.That((string?)config["IdentityPoolId"], Does.Match(@"^us-east-1:[0-9a-f-]{36}$"));
        Assert.That((string?)config["UserPoolClientId"], Does.Match(@"^[0-9a-z]{26}$"));
        Assert.That((string?)config["WhoAmIFunctionName"], Is.EqualTo("directaccess-WhoAmI"));
    }

    [Test]
    public async Task The_same_template_gives_the_same_ids_after_a_restart()
    {
        using var data = new TempDirectory();
        string first;
        await using (var cloud = await TestCloud.StartAsync(dataDir: data.Path))
        {
            first = await File.ReadAllTextAsync(Path.Combine(data.Path, "directaccess.json"));
        }

        await using (var cloud = await TestCloud.StartAsync(dataDir: data.Path))
        {
            var second = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(data.Path, "directaccess.json")))!.AsObject();
            var before = JsonNode.Parse(first)!.AsObject();
            foreach (var key in new[] { "UserPoolId", "UserPoolClientId", "IdentityPoolId", "UploadBucketName" })
            {
                Assert.That((string?)second[key], Is.EqualTo((string?)before[key]), key);
            }
        }
    }

    [Test]
    public async Task Refuses_a_template_with_an_unknown_resource_type_naming_the_resource()
    {
        using var data = new TempDirectory();
        var template = Path.Combine(data.Path, "template.yaml");
        var text = await File.ReadAllTextAsync(RepoPaths.Template);
        await File.WriteAllTextAsync(template, text.Replace("Resources:\n", "Resources:\n  Surprise:\n    Type: AWS::SQS::Queue\n    Properties: {}\n", StringComparison.Ordinal));
        // Policies are resolved relative to the template; the loader reads them from the template itself.
        await using var cloud = LocalCloudProcess.Start("--port", "0", "--data-dir", Path.Combine(data.Path, "d"), "--template", template);

        var exit = await cloud.WaitForExitAsync(StartTimeout);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(cloud.Output, Has.Some.Contains("Surprise"));
        Assert.That(cloud.Output, Has.None.Contains("ready"));
    }

    [Test]
    public async Task Refuses_an_unknown_option()
    {
        await using var cloud = LocalCloudProcess.Start("--port", "0", "--colour", "blue");

        var exit = await cloud.WaitForExitAsync(StartTimeout);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(cloud.Output, Has.Some.Contains("--colour"));
    }
}
