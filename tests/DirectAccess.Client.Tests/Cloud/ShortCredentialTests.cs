using DirectAccess.Client.Files;
using DirectAccess.Client.Tests.Moto;
using DirectAccess.Client.Tests.Support;
using DirectAccess.Testing;

namespace DirectAccess.Client.Tests.Cloud;

/// <summary>A local cloud whose identity-pool credentials live 30 s: an upload that takes longer must still complete.</summary>
[NonParallelizable]
public sealed class ShortCredentialTests
{
    private const long MiB = 1024 * 1024;

    [Test]
    public async Task UploadOutlivesItsCredentialsAndCompletes()
    {
        await using var cloud = await CloudUsers.StartAsync(o => o with { CredentialLifetime = TimeSpan.FromSeconds(30) });
        var user = await cloud.CreateUserAsync("ivan", "uploaders");
        var throttle = new ThrottlingHandler(TimeSpan.FromMilliseconds(3500));
        using var slow = new HttpClient(throttle);
        await using var session = await cloud.SignInAsync(user, new SignInOptions { HttpClient = slow });
        var firstExpiry = session.Identity.CredentialsExpirationUtc!.Value;
        Assert.That(firstExpiry - DateTime.UtcNow, Is.LessThan(TimeSpan.FromSeconds(31)));

        using var dir = new TempDirectory();
        var source = Path.Combine(dir.Path, "slow.bin");
        MotoPeerTests.WriteRandom(source, 20 * 5 * MiB - 99);
        var started = DateTime.UtcNow;
        var result = await session.Files.UploadAsync(source, "slow.bin", new UploadOptions { PartSize = 5 * MiB, Concurrency = 2 });
        var took = DateTime.UtcNow - started;

        Assert.Multiple(() =>
        {
            Assert.That(took, Is.GreaterThan(TimeSpan.FromSeconds(32)), "the upload must outlast the first credentials");
            Assert.That(DateTime.UtcNow, Is.GreaterThan(firstExpiry));
            Assert.That(session.Credentials.RefreshCount, Is.GreaterThanOrEqualTo(2));
            Assert.That(session.Credentials.MaxConcurrentRefreshes, Is.EqualTo(1));
            Assert.That(result.PartCount, Is.EqualTo(20));
        });

        var copy = Path.Combine(dir.Path, "copy.bin");
        await session.Files.DownloadAsync("slow.bin", copy);
        Assert.That(MotoPeerTests.Hash(copy), Is.EqualTo(MotoPeerTests.Hash(source)));
    }
}
