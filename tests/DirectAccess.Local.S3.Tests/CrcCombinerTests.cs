using DirectAccess.Checksums;
using DirectAccess.Local.S3.Operations;

namespace DirectAccess.Local.S3.Tests;

public sealed class CrcCombinerTests
{
    [TestCase("CRC32")]
    [TestCase("CRC32C")]
    public void CombinedPartCrcsEqualTheCrcOfTheWhole(string algorithm)
    {
        var random = new Random(11);
        var parts = new[] { 0, 1, 7, 4096, 100_003, 65_536 }.Select(n =>
        {
            var data = new byte[n];
            random.NextBytes(data);
            return data;
        }).ToArray();

        string Crc(byte[] data)
        {
            var checksum = ChecksumAlgorithms.Create(algorithm);
            checksum.Append(data);
            return checksum.GetBase64AndReset();
        }

        var combined = CrcCombiner.Combine(algorithm, parts.Select(p => (Crc(p), (long)p.Length)));
        Assert.That(combined, Is.EqualTo(Crc(parts.SelectMany(p => p).ToArray())));
    }

    [Test]
    public void ShaCannotBeCombined() =>
        Assert.That(() => CrcCombiner.Combine("SHA256", []), Throws.ArgumentException);
}
