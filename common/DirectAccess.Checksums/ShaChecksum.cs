using System.Security.Cryptography;

namespace DirectAccess.Checksums;

/// <summary>S3's <c>SHA1</c> and <c>SHA256</c> algorithms: the plain digests, over <see cref="IncrementalHash"/>.</summary>
internal sealed class ShaChecksum(string algorithm, HashAlgorithmName hashName) : IncrementalChecksum
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(hashName);

    /// <inheritdoc />
    public override string Algorithm { get; } = algorithm;

    /// <inheritdoc />
    public override void Append(ReadOnlySpan<byte> data) => _hash.AppendData(data);

    /// <inheritdoc />
    public override byte[] GetHashAndReset() => _hash.GetHashAndReset();
}
