using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using DirectAccess.Client.Config;
using DirectAccess.Client.UserPool.Admin;
using DirectAccess.Local;

namespace DirectAccess.Client.Bench;

/// <summary>Starts one local cloud, makes the test files, runs every client on every size, prints a table.</summary>
internal static partial class Orchestrator
{
    private const string Password = "Bench-Passw0rd!";

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = Option(args, "--sizes-mib", "1024").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var repeat = int.Parse(Option(args, "--repeat", "1"), CultureInfo.InvariantCulture);
        var output = Option(args, "--out", "");
        var root = Path.Combine(Path.GetTempPath(), "directaccess-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        var repo = FindRepo();
        try
        {
            await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions
            {
                Port = 0,
                DataDir = Path.Combine(root, "cloud"),
                TemplatePath = Path.Combine(repo, "template.yaml"),
                Log = TextWriter.Null,
            });
            var configPath = Path.Combine(root, "cloud", "directaccess.json");
            var config = DirectAccessConfig.Load(configPath);
            using (var admin = new CognitoUserPoolAdminClient(config, new BasicAWSCredentials(LocalCloudOptions.DefaultAdminAccessKeyId, LocalCloudOptions.DefaultAdminSecretAccessKey)))
            {
                await admin.CreateConfirmedUserAsync(config.UserPoolId, "bench", Password, ["uploaders"]);
            }

            var home = Path.Combine(root, "home");
            await using var session = await DirectAccessSession.SignInAsync(config, "bench", Password, new SignInOptions { DataDirectory = home, Credentials = new() { DataDirectory = home } });
            var table = new StringBuilder();
            table.AppendLine($"Upload to the local cloud on 127.0.0.1, {Environment.ProcessorCount} cores shared with the cloud; {DateTime.UtcNow:u}");
            table.AppendLine();
            table.AppendLine("| size | client | seconds | MiB/s | vs aws s3 cp | vs TransferUtility | peak RSS (MB) |");
            table.AppendLine("|---|---|---|---|---|---|---|");
            foreach (var mib in sizes)
            {
                var file = Path.Combine(root, $"data-{mib}.bin");
                WriteFile(file, mib * 1024 * 1024);
                for (var r = 0; r < repeat; r++)
                {
                    var results = new List<(string Client, double Seconds, double RssMb)>();
                    var credentials = await session.Credentials.GetCredentialsAsync();
                    var key = await session.Files.FullKeyAsync($"bench/aws-{mib}.bin");
                    Add(results, "aws s3 cp", Measure("aws", ["s3", "cp", file, $"s3://{config.UploadBucketName}/{key}", "--endpoint-url", config.Endpoint!.ToString(), "--only-show-errors"],
                        new() { ["AWS_ACCESS_KEY_ID"] = credentials.AccessKey, ["AWS_SECRET_ACCESS_KEY"] = credentials.SecretKey, ["AWS_SESSION_TOKEN"] = credentials.Token, ["AWS_DEFAULT_REGION"] = config.Region }));
                    Add(results, "TransferUtility (defaults)", MeasureSelf("tu", configPath, home, file, $"bench/tu-{mib}.bin"));
                    Add(results, "DirectAccess.Client (defaults)", MeasureSelf("ours", configPath, home, file, $"bench/ours-{mib}.bin"));
                    var aws = results[0].Seconds;
                    var tu = results[1].Seconds;
                    foreach (var (client, seconds, rss) in results)
                    {
                        var line = $"| {mib} MiB | {client} | {seconds:F2} | {mib / seconds:F0} | {aws / seconds:F2}× | {tu / seconds:F2}× | {rss:F0} |";
                        table.AppendLine(line);
                        Console.WriteLine(line);
                    }
                }

                File.Delete(file);
            }

            Console.WriteLine();
            Console.WriteLine(table);
            if (output.Length > 0)
            {
                await File.WriteAllTextAsync(output, table.ToString());
            }

            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static void Add(List<(string, double, double)> results, string client, (double Seconds, double RssMb) m)
    {
        Console.Error.WriteLine($"{client}: {m.Seconds:F2} s, {m.RssMb:F0} MB");
        results.Add((client, m.Seconds, m.RssMb));
    }

    private static (double Seconds, double RssMb) MeasureSelf(string mode, string configPath, string home, string file, string key)
    {
        var self = typeof(Orchestrator).Assembly.Location;
        return Measure("dotnet", [self, mode, configPath, home, "bench", Password, file, key], []);
    }

    /// <summary>Runs <paramref name="exe"/> under <c>/usr/bin/time -v</c>; wall seconds measured here (includes start-up and sign-in for .NET clients, interpreter start for aws).</summary>
    private static (double Seconds, double RssMb) Measure(string exe, string[] args, Dictionary<string, string> env)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-v");
        start.ArgumentList.Add(exe);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (k, v) in env)
        {
            start.Environment[k] = v;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{exe} failed ({process.ExitCode}): {stdout.Result}\n{stderr}");
        }

        var reported = SecondsLine().Match(stdout.Result);
        if (reported.Success)
        {
            // .NET clients report the upload alone (sign-in and JIT excluded); aws cli cannot, so it gets wall time.
            seconds = double.Parse(reported.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        var rss = MaxRss().Match(stderr);
        return (seconds, rss.Success ? long.Parse(rss.Groups[1].Value, CultureInfo.InvariantCulture) / 1024.0 : double.NaN);
    }

    private static void WriteFile(string path, long size)
    {
        var block = new byte[4 * 1024 * 1024];
        Random.Shared.NextBytes(block);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        for (long written = 0; written < size; written += block.Length)
        {
            block[0]++;
            stream.Write(block, 0, (int)Math.Min(block.Length, size - written));
        }
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DirectAccess.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }

    [GeneratedRegex(@"seconds=([0-9.]+)")]
    private static partial Regex SecondsLine();

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)")]
    private static partial Regex MaxRss();
}
