using System.Diagnostics;
using DirectAccess.Client.Config;
using DirectAccess.Client.Files;

namespace DirectAccess.Client.Tests.Support;

/// <summary>
/// The child of the killed-and-resumed upload test: signs in and uploads a file slowly (each part PUT delayed) so
/// the parent can kill it mid-upload. Arguments: <c>child-upload &lt;config&gt; &lt;user&gt; &lt;password&gt; &lt;file&gt; &lt;key&gt; &lt;dataDir&gt; &lt;delayMs&gt;</c>.
/// </summary>
public static class UploadChildProcess
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 8 || args[0] != "child-upload")
        {
            await Console.Error.WriteLineAsync("usage: child-upload <config> <user> <password> <file> <key> <dataDir> <delayMs>");
            return 2;
        }

        var config = DirectAccessConfig.Load(args[1]);
        using var http = new HttpClient(new ThrottlingHandler(TimeSpan.FromMilliseconds(int.Parse(args[7], System.Globalization.CultureInfo.InvariantCulture))));
        var options = new SignInOptions
        {
            DataDirectory = args[6],
            Credentials = new Credentials.IdentityPoolCredentialsOptions { DataDirectory = args[6] },
            HttpClient = http,
        };
        await using var session = await DirectAccessSession.SignInAsync(config, args[2], args[3], options);
        Console.WriteLine("signed-in");
        var result = await session.Files.UploadAsync(args[4], args[5], new UploadOptions { PartSize = 5L * 1024 * 1024, Concurrency = 1 });
        Console.WriteLine("done " + result.ETag);
        return 0;
    }

    /// <summary>Starts the child with this test assembly as the program.</summary>
    public static Process Start(params string[] args)
    {
        var assembly = typeof(UploadChildProcess).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("child-upload");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }
}
