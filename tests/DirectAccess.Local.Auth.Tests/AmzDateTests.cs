using DirectAccess.Local.Auth.SigV4;

namespace DirectAccess.Local.Auth.Tests;

/// <summary>The request-time parser (hand-rolled for speed) accepts exactly <c>yyyyMMddTHHmmssZ</c> with a real date.</summary>
public sealed class AmzDateTests
{
    private static (bool Ok, DateTimeOffset Time) Parse(string? text) => (AmzDate.TryParse(text, out var time), time);

    [TestCase("20240229T235959Z", 2024, 2, 29, 23, 59, 59)]
    [TestCase("19991231T000000Z", 1999, 12, 31, 0, 0, 0)]
    public void Valid_times_parse_as_UTC(string text, int year, int month, int day, int hour, int minute, int second)
    {
        Assert.That(Parse(text), Is.EqualTo((true, new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero))));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("20230229T000000Z")]
    [TestCase("20241301T000000Z")]
    [TestCase("20240101T240000Z")]
    [TestCase("20240101T006000Z")]
    [TestCase("20240101T000060Z")]
    [TestCase("20240101 000000Z")]
    [TestCase("20240101T000000")]
    [TestCase("2024-01-01T00:00:00Z")]
    [TestCase("2024O101T000000Z")]
    [TestCase("20240101T000000z")]
    [TestCase("00000101T000000Z")]
    public void Anything_else_is_refused(string? text)
    {
        Assert.That(Parse(text).Ok, Is.False);
    }
}
