using System.Diagnostics;

namespace DirectAccess.Checksums.Tests;

/// <summary>
/// The fast paths (PCLMULQDQ folding, SSE4.2) against the byte-at-a-time definition, across lengths and split points,
/// and CRC32 against an independent implementation (python's zlib.crc32).
/// </summary>
public sealed class ConsistencyTests
{
    /// <summary>Bit-at-a-time reflected CRC: the definition, with nothing shared with the library.</summary>
    private static uint Reference(uint polynomial, ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ polynomial : crc >> 1;
            }
        }

        return ~crc;
    }

    private static uint Library(string algorithm, ReadOnlySpan<byte> data, int split)
    {
        var checksum = ChecksumAlgorithms.Create(algorithm);
        checksum.Append(data[..split]);
        checksum.Append(data[split..]);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(checksum.GetHashAndReset());
    }

    [TestCase("CRC32", 0xEDB88320u)]
    [TestCase("CRC32C", 0x82F63B78u)]
    public void EveryLengthAndSplitMatchesTheDefinition(string algorithm, uint polynomial)
    {
        var random = new Random(6);
        var data = new byte[4_200];
        random.NextBytes(data);
        var lengths = Enumerable.Range(0, 300).Concat([511, 512, 513, 1024, 1027, 4096, 4_200]);
        foreach (var length in lengths)
        {
            var slice = data.AsSpan(0, length);
            var expected = Reference(polynomial, slice);
            foreach (var split in new[] { 0, length / 3, length })
            {
                Assert.That(Library(algorithm, slice, split), Is.EqualTo(expected), $"length {length}, split {split}");
            }
        }
    }

    [Test]
    public void Crc32MatchesPythonZlibOnRandomData()
    {
        var python = FindPython();
        if (python is null)
        {
            Assert.Ignore("python3 is not on PATH; the zlib cross-check needs it.");
        }

        var path = Path.Combine(Path.GetTempPath(), $"crc-{Guid.NewGuid():N}.bin");
        try
        {
            var data = new byte[3 * 1024 * 1024 + 77];
            new Random(42).NextBytes(data);
            File.WriteAllBytes(path, data);
            var start = new ProcessStartInfo(python!, ["-c", "import sys,zlib;print(zlib.crc32(open(sys.argv[1],'rb').read()))", path])
            {
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            Assert.That(process.WaitForExit(30_000), Is.True, "python did not finish");
            var expected = uint.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.That(Library("CRC32", data, 1_000_001), Is.EqualTo(expected));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string? FindPython() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, "python3"))
            .FirstOrDefault(File.Exists);
}
