using System.Diagnostics;
using DirectAccess.Local.Identity.Tests.IdentityPool;

namespace DirectAccess.Local.Identity.Tests.Performance;

/// <summary>
/// Measures <c>GetCredentialsForIdentity</c> over loopback (full token validation, role resolution, trust policy,
/// credential row written to SQLite) with 16 concurrent clients, and the median of GetId + GetCredentialsForIdentity.
/// Prints the numbers; the floors are far below the targets (≥ 2,000 requests/s) so a busy shared machine does not
/// fail the suite, while a pathological regression (per-request key import, a lock around the database) does.
/// </summary>
public sealed class CredentialsThroughputTests : RepositoryTemplateCloud
{
    private const int Requests = 4000;
    private const int Concurrency = 16;

    [Test]
    public async Task GetCredentialsForIdentity_requests_per_second()
    {
        var token = Tokens.IdToken(Guid.NewGuid().ToString(), "uploaders");
        var logins = Tokens.Logins(token);
        var identityId = (await Client.GetIdAsync(PoolId, logins)).Ok().GetProperty("IdentityId").GetString()!;
        for (var i = 0; i < 200; i++)
        {
            (await Client.GetCredentialsAsync(identityId, logins)).Ok(); // warm-up: JIT, connection pool
        }

        var remaining = Requests;
        var failures = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                if ((await Client.GetCredentialsAsync(identityId, logins)).Status != 200)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });
        await Task.WhenAll(workers);
        clock.Stop();

        var perSecond = Requests / clock.Elapsed.TotalSeconds;
        TestContext.Out.WriteLine($"GetCredentialsForIdentity: {Requests} requests, {Concurrency} concurrent, {clock.Elapsed.TotalSeconds:F2} s, {perSecond:F0} requests/s, {Environment.ProcessorCount} cores");
        Assert.That(failures, Is.Zero);
        Assert.That(perSecond, Is.GreaterThan(300));
    }

    [Test]
    public async Task GetId_plus_GetCredentialsForIdentity_median_latency()
    {
        var samples = new List<double>();
        for (var i = 0; i < 101; i++)
        {
            var token = Tokens.IdToken(Guid.NewGuid().ToString(), "viewers");
            var clock = Stopwatch.StartNew();
            var (_, credentials) = await SignInAsync(token);
            clock.Stop();
            credentials.Ok();
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }

        samples.Sort();
        var median = samples[samples.Count / 2];
        TestContext.Out.WriteLine($"GetId + GetCredentialsForIdentity (new user each): median {median:F2} ms, p90 {samples[90]:F2} ms");
        Assert.That(median, Is.LessThan(50));
    }
}
