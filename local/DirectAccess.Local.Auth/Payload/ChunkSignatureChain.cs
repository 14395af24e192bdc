using System.Text;
using DirectAccess.Local.Auth.SigV4;

namespace DirectAccess.Local.Auth.Payload;

/// <summary>
/// The chain of chunk signatures of <c>STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]</c> (S3 API reference, "Signature
/// Calculations for the Authorization Header: Transferring Payload in Multiple Chunks" and "... Including Trailing
/// Headers"). Each chunk signs
/// <c>AWS4-HMAC-SHA256-PAYLOAD\n&lt;date&gt;\n&lt;scope&gt;\n&lt;previous signature&gt;\n&lt;hash("")&gt;\n&lt;hash(chunk)&gt;</c>,
/// starting from the request's seed signature; the trailer signs
/// <c>AWS4-HMAC-SHA256-TRAILER\n&lt;date&gt;\n&lt;scope&gt;\n&lt;previous signature&gt;\n&lt;hash(canonical trailers)&gt;</c>.
/// </summary>
internal sealed class ChunkSignatureChain(VerifiedSignature seed)
{
    private string _previous = seed.SeedSignature;

    /// <summary>Verifies the signature claimed for a chunk whose SHA-256 is <paramref name="chunkHash"/>, and advances.</summary>
    /// <returns>False when it does not match.</returns>
    public bool VerifyChunk(ReadOnlySpan<byte> chunkHash, string claimed)
    {
        var stringToSign = $"{SigV4Names.ChunkAlgorithm}\n{seed.AmzDate}\n{seed.Scope}\n{_previous}\n{SigV4Names.EmptySha256}\n{Convert.ToHexStringLower(chunkHash)}";
        return Advance(stringToSign, claimed);
    }

    /// <summary>Verifies <c>x-amz-trailer-signature</c> over <paramref name="trailers"/> (sorted, <c>name:value\n</c> each).</summary>
    public bool VerifyTrailer(IReadOnlyDictionary<string, string> trailers, string claimed)
    {
        var canonical = new StringBuilder();
        foreach (var (name, value) in trailers.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            canonical.Append(name).Append(':').Append(value.Trim()).Append('\n');
        }

        var stringToSign = $"{SigV4Names.TrailerAlgorithm}\n{seed.AmzDate}\n{seed.Scope}\n{_previous}\n{SignatureMath.HexSha256(canonical.ToString())}";
        return Advance(stringToSign, claimed);
    }

    private bool Advance(string stringToSign, string claimed)
    {
        Span<byte> expected = stackalloc byte[32];
        SignatureMath.Sign(seed.SigningKey, stringToSign, expected);
        if (!SignatureMath.HexEquals(claimed, expected))
        {
            return false;
        }

        _previous = Convert.ToHexStringLower(expected);
        return true;
    }
}
