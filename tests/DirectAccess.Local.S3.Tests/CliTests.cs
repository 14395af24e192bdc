using System.Text.Json;
using DirectAccess.Local.S3.Tests.Support;
using DirectAccess.Testing;

namespace DirectAccess.Local.S3.Tests;

/// <summary>The AWS CLI (botocore) against the local cloud with alice's role-session credentials.</summary>
public sealed class CliTests : S3TestBase
{
    private static Dictionary<string, string> Environment(TestCredentials caller, string dir) => new()
    {
        ["AWS_ACCESS_KEY_ID"] = caller.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = caller.SecretAccessKey,
        ["AWS_SESSION_TOKEN"] = caller.SessionToken ?? "",
        ["AWS_DEFAULT_REGION"] = "us-east-1",
        ["AWS_CONFIG_FILE"] = Path.Combine(dir, "no-config"),
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(dir, "no-credentials"),
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    [Test]
    public async Task CopyALargeFileUpAndDownAndListIt()
    {
        Target.RequireRealCloud();
        var aws = OutsideTools.Require("aws");
        using var dir = new TempDirectory("directaccess-s3-cli");
        var source = Path.Combine(dir.Path, "source.bin");
        var back = Path.Combine(dir.Path, "back.bin");
        await SdkTests.WriteRandomFileAsync(source, 40L * 1024 * 1024);
        var prefix = $"{Target.Alice.PrivatePrefix}cli-{Guid.NewGuid():N}/";
        var env = Environment(Target.Alice, dir.Path);
        var endpoint = Target.Endpoint.ToString().TrimEnd('/');

        var (upExit, upOut) = await SdkTests.RunAsync(aws, ["--endpoint-url", endpoint, "s3", "cp", source, $"s3://{Target.Bucket}/{prefix}big.bin", "--no-progress"], env);
        Assert.That(upExit, Is.EqualTo(0), upOut);
        var (downExit, downOut) = await SdkTests.RunAsync(aws, ["--endpoint-url", endpoint, "s3", "cp", $"s3://{Target.Bucket}/{prefix}big.bin", back, "--no-progress"], env);
        Assert.That(downExit, Is.EqualTo(0), downOut);
        Assert.That(await SdkTests.HashFileAsync(back), Is.EqualTo(await SdkTests.HashFileAsync(source)));

        var (listExit, listOut) = await SdkTests.RunAsync(aws, ["--endpoint-url", endpoint, "s3api", "list-objects-v2",
            "--bucket", Target.Bucket, "--prefix", prefix, "--output", "json"], env);
        Assert.That(listExit, Is.EqualTo(0), listOut);
        using var json = JsonDocument.Parse(listOut);
        var contents = json.RootElement.GetProperty("Contents");
        Assert.Multiple(() =>
        {
            Assert.That(contents.GetArrayLength(), Is.EqualTo(1));
            Assert.That(contents[0].GetProperty("Key").GetString(), Is.EqualTo(prefix + "big.bin"));
            Assert.That(contents[0].GetProperty("Size").GetInt64(), Is.EqualTo(40L * 1024 * 1024));
            Assert.That(contents[0].GetProperty("ETag").GetString(), Does.EndWith("-5\""), "multipart with 8 MiB parts");
        });

        var (deniedExit, deniedOut) = await SdkTests.RunAsync(aws, ["--endpoint-url", endpoint, "s3", "cp", source,
            $"s3://{Target.Bucket}/{Target.Erin.PrivatePrefix}x.bin", "--no-progress"], env);
        Assert.That(deniedExit, Is.Not.EqualTo(0));
        Assert.That(deniedOut, Does.Contain("AccessDenied"));
    }
}
