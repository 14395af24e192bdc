using DirectAccess.Local.S3.Tests.Support;

namespace DirectAccess.Local.S3.Tests;

/// <summary>One S3 target shared by every fixture of this assembly (start-up is the expensive part).</summary>
[SetUpFixture]
public sealed class SharedTarget
{
    private static S3TestTarget? _target;

    public static S3TestTarget Target => _target ?? throw new InvalidOperationException("The shared target did not start.");

    [OneTimeSetUp]
    public async Task StartAsync() => _target = await S3TestTarget.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_target is not null)
        {
            await _target.DisposeAsync();
        }
    }
}
