namespace DirectAccess.Checksums;

public static partial class ChecksumAlgorithms
{
    private static IncrementalChecksum CreateCore(string algorithm) => algorithm switch
    {
        "CRC32" => new Crc32Checksum(),
        "CRC32C" => new Crc32CChecksum(),
        "SHA1" => new ShaChecksum("SHA1", System.Security.Cryptography.HashAlgorithmName.SHA1),
        "SHA256" => new ShaChecksum("SHA256", System.Security.Cryptography.HashAlgorithmName.SHA256),
        _ => throw new ArgumentException(
            $"Checksum algorithm '{algorithm}' is not one of {string.Join(", ", Names)}.", nameof(algorithm)),
    };
}
