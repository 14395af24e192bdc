using System.Diagnostics;
using Amazon.Runtime;
using DirectAccess.Client;
using DirectAccess.Client.Config;
using DirectAccess.Client.UserPool.Admin;
using DirectAccess.Local;

namespace DirectAccess.Client.Bench;

/// <summary>
/// <c>signin [--count N] [--template PATH]</c>: the identity chain a user waits for — SRP sign-in (InitiateAuth +
/// RespondToAuthChallenge) + GetId + GetCredentialsForIdentity — against an in-process local cloud over loopback,
/// N times after warm-up; prints median, p90 and max in ms (target: median ≤ 50 ms).
/// </summary>
public static class SignInLatency
{
    /// <summary>Runs the measurement and prints the table; exit code 0.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.SkipWhile(a => a != "--count").Skip(1).Select(int.Parse).FirstOrDefault(50);
        var template = args.SkipWhile(a => a != "--template").Skip(1).FirstOrDefault() ?? FindTemplate();
        var work = Directory.CreateTempSubdirectory("signin-bench-").FullName;
        try
        {
            await using var cloud = await LocalCloud.StartAsync(new LocalCloudOptions { Port = 0, DataDir = Path.Combine(work, "cloud"), TemplatePath = template, Log = TextWriter.Null });
            var config = DirectAccessConfig.Load(cloud.ConfigPath);
            using (var admin = new CognitoUserPoolAdminClient(config, new BasicAWSCredentials(cloud.Options.AdminAccessKeyId, cloud.Options.AdminSecretAccessKey)))
            {
                await admin.CreateConfirmedUserAsync(config.UserPoolId, "bench", "Bench-password-123", ["uploaders"]);
            }

            var samples = new List<double>();
            for (var i = 0; i < count + 5; i++)
            {
                // A fresh data directory each time: no cached identity id, so GetId runs too.
                var options = new SignInOptions { DataDirectory = Path.Combine(work, $"client-{i}") };
                var clock = Stopwatch.StartNew();
                await using var session = await DirectAccessSession.SignInAsync(config, "bench", "Bench-password-123", options);
                _ = await session.GetIdentityAsync();
                if (i >= 5)
                {
                    samples.Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            samples.Sort();
            Console.WriteLine("| chain | n | median ms | p90 ms | max ms |");
            Console.WriteLine("|---|---|---|---|---|");
            Console.WriteLine($"| SRP sign-in + GetId + GetCredentialsForIdentity | {samples.Count} | {samples[samples.Count / 2]:F1} | {samples[(int)(samples.Count * 0.9)]:F1} | {samples[^1]:F1} |");
            Console.WriteLine($"(libcrypto modpow: {DirectAccess.Srp.ModularExponentiation.IsNative})");
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string FindTemplate()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "template.yaml")))
            {
                return Path.Combine(dir.FullName, "template.yaml");
            }
        }

        throw new FileNotFoundException("template.yaml not found; pass --template PATH");
    }
}
