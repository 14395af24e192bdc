using DirectAccess.Client.Files;
using DirectAccess.Client.Files.Upload;

namespace DirectAccess.Client.Tests.Unit;

public sealed class PartPlanTests
{
    private const long MiB = 1024 * 1024;

    [TestCase(0L, 16 * MiB, 1, 16 * MiB)]
    [TestCase(1L, 16 * MiB, 1, 16 * MiB)]
    [TestCase(1024 * MiB, 16 * MiB, 64, 16 * MiB)]
    [TestCase(1024 * MiB + 1, 16 * MiB, 65, 16 * MiB)]
    [TestCase(160_000 * MiB, 16 * MiB, 10_000, 16 * MiB)]
    [TestCase(160_000 * MiB + 1, 16 * MiB, 9_412, 17 * MiB)]
    [TestCase(5L * 1024 * 1024 * MiB, 16 * MiB, 9_987, 525 * MiB)]
    public void StaysWithinTenThousandParts(long size, long preferred, int parts, long partSize)
    {
        var plan = PartPlan.For(size, preferred);
        Assert.Multiple(() =>
        {
            Assert.That(plan.PartCount, Is.EqualTo(parts));
            Assert.That(plan.PartSize, Is.EqualTo(partSize));
            Assert.That(plan.PartCount, Is.LessThanOrEqualTo(10_000));
            Assert.That(plan.Offset(plan.PartCount) + plan.Length(plan.PartCount), Is.EqualTo(size));
        });
    }

    [Test]
    public void RefusesOutOfRangeSizes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PartPlan.For(10, 4 * MiB));
        Assert.Throws<ArgumentOutOfRangeException>(() => PartPlan.For(6L * 1024 * 1024 * MiB, 16 * MiB));
    }

    [Test]
    public void FullKeysFollowTheAmplifyPrefixes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ObjectKeys.Full(AccessLevel.Private, "us-east-1:abc", "a/b.txt"), Is.EqualTo("private/us-east-1:abc/a/b.txt"));
            Assert.That(ObjectKeys.Full(AccessLevel.Protected, "us-east-1:abc", "/x"), Is.EqualTo("protected/us-east-1:abc/x"));
            Assert.That(ObjectKeys.Full(AccessLevel.Public, "us-east-1:abc", "x"), Is.EqualTo("public/x"));
        });
        Assert.Throws<ArgumentException>(() => ObjectKeys.Full(AccessLevel.Private, "id", "../other/x"));
        Assert.Throws<ArgumentException>(() => ObjectKeys.Full(AccessLevel.Private, "id", ""));
    }
}
