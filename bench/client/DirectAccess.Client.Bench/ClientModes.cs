using System.Diagnostics;
using Amazon.S3;
using Amazon.S3.Transfer;
using DirectAccess.Client.Config;
using DirectAccess.Client.Files;

namespace DirectAccess.Client.Bench;

/// <summary>The measured clients, each run as its own process so its peak RSS is its own.</summary>
internal static class ClientModes
{
    /// <summary>Our SDK with its defaults (16 MiB parts, 8 in flight, CRC32). Prints seconds.</summary>
    public static async Task<int> OursAsync(string[] a)
    {
        var (config, options) = Setup(a);
        await using var session = await DirectAccessSession.SignInAsync(config, a[2], a[3], options);
        var clock = Stopwatch.StartNew();
        // Optional tuning knobs for experiments (the reported table uses the defaults).
        var upload = new UploadOptions();
        if (Environment.GetEnvironmentVariable("BENCH_PART_MIB") is { Length: > 0 } part)
        {
            upload = upload with { PartSize = long.Parse(part, System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024 };
        }

        if (Environment.GetEnvironmentVariable("BENCH_CONCURRENCY") is { Length: > 0 } concurrency)
        {
            upload = upload with { Concurrency = int.Parse(concurrency, System.Globalization.CultureInfo.InvariantCulture) };
        }

        var result = await session.Files.UploadAsync(a[4], a[5], upload);
        Console.WriteLine($"seconds={clock.Elapsed.TotalSeconds:F3} size={result.Size} checksum={result.Checksum}");
        return 0;
    }

    /// <summary>AWSSDK TransferUtility with default settings, credentials from our session. Prints seconds.</summary>
    public static async Task<int> TransferUtilityAsync(string[] a)
    {
        var (config, options) = Setup(a);
        await using var session = await DirectAccessSession.SignInAsync(config, a[2], a[3], options);
        var key = await session.Files.FullKeyAsync(a[5]);
        var s3Config = new AmazonS3Config { ServiceURL = config.EndpointFor("s3")!.ToString(), ForcePathStyle = true, AuthenticationRegion = config.Region };
        using var s3 = new AmazonS3Client(session.Credentials, s3Config);
        using var transfer = new TransferUtility(s3);
        var clock = Stopwatch.StartNew();
        await transfer.UploadAsync(a[4], config.UploadBucketName, key);
        Console.WriteLine($"seconds={clock.Elapsed.TotalSeconds:F3}");
        return 0;
    }

    private static (DirectAccessConfig, SignInOptions) Setup(string[] a)
    {
        var config = DirectAccessConfig.Load(a[0]);
        return (config, new SignInOptions { DataDirectory = a[1], Credentials = new() { DataDirectory = a[1] } });
    }
}
