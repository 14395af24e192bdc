using System.Security.Cryptography;
using System.Text;

namespace DirectAccess.Checksums.Tests;

/// <summary>Published check values: the CRC catalogue's "123456789" checks and RFC 3720 (iSCSI) CRC32C vectors.</summary>
public sealed class KnownVectorTests
{
    private static string Hex(string algorithm, ReadOnlySpan<byte> data)
    {
        var checksum = ChecksumAlgorithms.Create(algorithm);
        checksum.Append(data);
        return Convert.ToHexString(checksum.GetHashAndReset());
    }

    [TestCase("CRC32", "CBF43926")]
    [TestCase("CRC32C", "E3069283")]
    [TestCase("crc32c", "E3069283")]
    [TestCase("SHA1", "F7C3BC1D808E04732ADF679965CCC34CA7AE3441")]
    [TestCase("SHA256", "15E2B0D3C33891EBB0F1EF609EC419420C20E320CE94C65FBC8C3312448EB225")]
    public void CheckValueOf123456789(string algorithm, string expectedHex) =>
        Assert.That(Hex(algorithm, "123456789"u8), Is.EqualTo(expectedHex));

    [Test]
    public void Crc32CMatchesIscsiVectors()
    {
        var ascending = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var descending = ascending.Reverse().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(Hex("CRC32C", new byte[32]), Is.EqualTo("8A9136AA"));
            Assert.That(Hex("CRC32C", Enumerable.Repeat((byte)0xFF, 32).ToArray()), Is.EqualTo("62A8AB43"));
            Assert.That(Hex("CRC32C", ascending), Is.EqualTo("46DD794E"));
            Assert.That(Hex("CRC32C", descending), Is.EqualTo("113FDB5C"));
        });
    }

    [Test]
    public void EmptyInputGivesTheInitialValueXorFinal()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Hex("CRC32", []), Is.EqualTo("00000000"));
            Assert.That(Hex("CRC32C", []), Is.EqualTo("00000000"));
        });
    }

    [Test]
    public void Base64IsBigEndianAsS3SendsIt()
    {
        // S3 documents CRC32 of "Hello World" as "ShexVg==" (0x4A17B156).
        var checksum = ChecksumAlgorithms.Create("CRC32");
        checksum.Append(Encoding.ASCII.GetBytes("Hello World"));
        Assert.That(checksum.GetBase64AndReset(), Is.EqualTo("ShexVg=="));
    }

    [Test]
    public void ShaMatchesTheFrameworkDigests()
    {
        var data = RandomNumberGenerator.GetBytes(100_003);
        Assert.Multiple(() =>
        {
            Assert.That(Hex("SHA1", data), Is.EqualTo(Convert.ToHexString(SHA1.HashData(data))));
            Assert.That(Hex("SHA256", data), Is.EqualTo(Convert.ToHexString(SHA256.HashData(data))));
        });
    }

    [Test]
    public void UnknownAlgorithmIsRejected() =>
        Assert.That(() => ChecksumAlgorithms.Create("MD5"), Throws.ArgumentException);

    [Test]
    public void HeaderNameIsLowerCase() =>
        Assert.That(ChecksumAlgorithms.HeaderName("CRC32C"), Is.EqualTo("x-amz-checksum-crc32c"));

    [Test]
    public void CompositeIsChecksumOfRawPartChecksumsWithCount()
    {
        var part1 = ChecksumAlgorithms.Create("CRC32");
        part1.Append("hello "u8);
        var p1 = part1.GetHashAndReset();
        part1.Append("world"u8);
        var p2 = part1.GetHashAndReset();
        var whole = ChecksumAlgorithms.Create("CRC32");
        whole.Append([.. p1, .. p2]);
        var expected = whole.GetBase64AndReset() + "-2";
        Assert.That(ChecksumAlgorithms.Composite("CRC32", [Convert.ToBase64String(p1), Convert.ToBase64String(p2)]),
            Is.EqualTo(expected));
    }
}
