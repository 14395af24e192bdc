using System.Diagnostics;
using DirectAccess.Client.Credentials;
using DirectAccess.Client.Http;
using DirectAccess.Client.IdentityPool;
using DirectAccess.Client.Tests.Support;
using DirectAccess.Client.UserPool;
using DirectAccess.Testing;

namespace DirectAccess.Client.Tests.Unit;

/// <summary>Refresh behaviour of <see cref="CognitoIdentityPoolCredentials"/> against a fake identity pool on loopback.</summary>
public sealed class CredentialsRefreshTests
{
    private static (CognitoIdentityPoolCredentials Credentials, HttpClient Http) Create(FakeIdentityPool pool, string dataDir, IdentityPoolCredentialsOptions? options = null, DateTime? idTokenExpiry = null)
    {
        var http = new HttpClient();
        var skew = new ClockSkew();
        var userPool = new CognitoUserPoolClient(http, pool.Endpoint, "us-east-1", skew);
        var authenticator = new UserPoolAuthenticator(userPool, "us-east-1_TestPool1", "client");
        var tokens = new UserPoolTokenSource(authenticator, FakeTokens.For("sub-1", "alice", idTokenExpiry ?? DateTime.UtcNow.AddHours(1), ["arn:aws:iam::000000000000:role/a", "arn:aws:iam::000000000000:role/b"]), skew);
        var identity = new CognitoIdentityClient(http, pool.Endpoint, "us-east-1", skew);
        var credentials = new CognitoIdentityPoolCredentials("us-east-1:pool", "us-east-1_TestPool1", "us-east-1", tokens, identity, null, skew,
            (options ?? new IdentityPoolCredentialsOptions()) with { DataDirectory = dataDir });
        return (credentials, http);
    }

    [Test]
    public async Task ReadsDuringABackgroundRefreshDoNotWaitAndOnlyOneRefreshRuns()
    {
        using var pool = new FakeIdentityPool { Lifetime = TimeSpan.FromSeconds(40) };
        using var dir = new TempDirectory();
        var (credentials, http) = Create(pool, dir.Path, new IdentityPoolCredentialsOptions { RefreshAhead = TimeSpan.FromSeconds(30) });
        using var _ = http;
        var first = await credentials.GetCredentialsAsync();
        Assert.That(credentials.RefreshCount, Is.EqualTo(1));

        // Lifetime 40 s, window capped at 20 s: wait until inside the window (but far from expiry), then make the
        // next fetch slow. Every read must return at once with the current credentials while one refresh runs.
        await Task.Delay(TimeSpan.FromSeconds(20.5));
        var gate = new TaskCompletionSource();
        credentials.BeforeFetch = () => gate.Task;
        var clock = Stopwatch.StartNew();
        var reads = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => credentials.GetCredentialsAsync()))).WaitAsync(TimeSpan.FromSeconds(10));
        var readTime = clock.Elapsed;
        Assert.That(readTime, Is.LessThan(TimeSpan.FromSeconds(1)), "reads waited for the refresh");
        Assert.That(reads.Select(r => r.AccessKey).Distinct(), Is.EqualTo(new[] { first.AccessKey }));

        gate.SetResult();
        for (var i = 0; i < 100 && credentials.RefreshCount < 2; i++)
        {
            await Task.Delay(50);
        }

        Assert.That(credentials.RefreshCount, Is.EqualTo(2));
        Assert.That(credentials.MaxConcurrentRefreshes, Is.EqualTo(1));
        Assert.That((await credentials.GetCredentialsAsync()).AccessKey, Is.Not.EqualTo(first.AccessKey));
    }

    [Test]
    public async Task CachedIdentityIdIsReusedAndEvictedWhenThePoolRefusesIt()
    {
        using var pool = new FakeIdentityPool();
        using var dir = new TempDirectory();
        var cache = new IdentityIdCache(dir.Path);
        cache.Set("us-east-1_TestPool1", "sub-1", "us-east-1:pool", "us-east-1:00000000-dead-beef-0000-000000000000");
        var (credentials, http) = Create(pool, dir.Path);
        using var _ = http;

        var result = await credentials.GetCredentialsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(result.AccessKey, Does.StartWith("ASIAFAKE"));
            Assert.That(credentials.IdentityId, Is.EqualTo(pool.IdentityId));
            Assert.That(pool.GetIdCalls, Is.EqualTo(1), "GetId once after eviction");
            Assert.That(pool.CredentialCalls, Is.EqualTo(2), "refused once, then retried once");
            Assert.That(cache.Get("us-east-1_TestPool1", "sub-1", "us-east-1:pool"), Is.EqualTo(pool.IdentityId));
        });

        // A second provider (a restart) uses the cache: no GetId.
        var (again, http2) = Create(pool, dir.Path);
        using var __ = http2;
        await again.GetCredentialsAsync();
        Assert.That(pool.GetIdCalls, Is.EqualTo(1));
    }

    [Test]
    public async Task RefusalWithAFreshIdentityIsNotRetriedForever()
    {
        using var pool = new FakeIdentityPool();
        pool.Refuse = pool.IdentityId;
        using var dir = new TempDirectory();
        var (credentials, http) = Create(pool, dir.Path);
        using var _ = http;
        var e = Assert.ThrowsAsync<Errors.ResourceNotFoundException>(() => credentials.GetCredentialsAsync());
        Assert.That(e!.RequestId, Is.EqualTo("req-refused"));
        Assert.That(pool.CredentialCalls, Is.EqualTo(1));
    }

    [Test]
    public async Task AnExpiredIdTokenIsRenewedWithTheRefreshTokenBeforeFetching()
    {
        using var pool = new FakeIdentityPool();
        using var dir = new TempDirectory();
        var (credentials, http) = Create(pool, dir.Path, idTokenExpiry: DateTime.UtcNow.AddMinutes(-5));
        using var _ = http;

        await credentials.GetCredentialsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(pool.RefreshTokenCalls, Is.EqualTo(1));
            var sent = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(pool.IdTokensSeen.Single());
            Assert.That(sent.ValidTo, Is.GreaterThan(DateTime.UtcNow.AddMinutes(50)), "the renewed ID token was sent, not the expired one");
        });
    }

    [Test]
    public async Task ExpiryIsCorrectedForServerClockSkewAndCustomRoleArnIsSent()
    {
        using var pool = new FakeIdentityPool { Lifetime = TimeSpan.FromHours(1), ServerClockOffset = TimeSpan.FromMinutes(-30) };
        using var dir = new TempDirectory();
        var (credentials, http) = Create(pool, dir.Path, new IdentityPoolCredentialsOptions { CustomRoleArn = "arn:aws:iam::000000000000:role/b" });
        using var _ = http;
        await credentials.GetCredentialsAsync();
        // The server's clock is 30 min behind: its "now + 1 h" is our "now + 1 h" (not now + 30 min).
        Assert.That(credentials.LastExpirationUtc!.Value - DateTime.UtcNow, Is.EqualTo(TimeSpan.FromHours(1)).Within(TimeSpan.FromSeconds(5)));
        Assert.That(pool.CustomRoleArns, Is.EqualTo(new[] { "arn:aws:iam::000000000000:role/b" }));
    }
}
