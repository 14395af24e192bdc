namespace DirectAccess.Checksums;

// HELPER NOTE (S3 helper owns this project): replace with real CRC32 (IEEE, reflected 0xEDB88320), CRC32C (Castagnoli,
// reflected 0x82F63B78; SSE4.2 intrinsics where available) and SHA1/SHA256 (System.Security.Cryptography.IncrementalHash).
public static partial class ChecksumAlgorithms
{
    private static IncrementalChecksum CreateCore(string algorithm) => throw new NotImplementedException(algorithm);
}
