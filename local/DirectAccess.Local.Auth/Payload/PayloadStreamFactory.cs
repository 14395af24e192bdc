using System.Globalization;
using DirectAccess.Local.Auth.Errors;
using DirectAccess.Local.Auth.SigV4;
using DirectAccess.Local.Security;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Auth.Payload;

/// <summary>
/// Picks the verifying stream for a request's signed <c>x-amz-content-sha256</c> (S3 API reference, "Authenticating
/// Requests: Using the Authorization Header"): a hex hash or <c>UNSIGNED-PAYLOAD</c> → <see cref="ContentHashPayloadStream"/>;
/// the three <c>STREAMING-…</c> modes → <see cref="AwsChunkedPayloadStream"/> with or without chunk and trailer signatures.
/// </summary>
internal static class PayloadStreamFactory
{
    /// <summary>The payload of <paramref name="request"/> as a verifying stream.</summary>
    /// <exception cref="SigV4Exception"><see cref="SigV4Failure.InvalidPayloadFraming"/> for a bad
    /// <c>x-amz-decoded-content-length</c>.</exception>
    public static VerifyingPayloadStream Create(HttpRequest request, VerifiedSignature verified)
    {
        var claim = verified.PayloadClaim;
        return claim switch
        {
            SigV4Names.UnsignedPayload => new ContentHashPayloadStream(request.Body, null, request.ContentLength),
            SigV4Names.StreamingSignedPayload => Chunked(request, new ChunkSignatureChain(verified), trailerSigned: false, withTrailers: false),
            SigV4Names.StreamingSignedPayloadTrailer => Chunked(request, new ChunkSignatureChain(verified), trailerSigned: true, withTrailers: true),
            SigV4Names.StreamingUnsignedPayloadTrailer => Chunked(request, null, trailerSigned: false, withTrailers: true),
            _ => new ContentHashPayloadStream(request.Body, claim, request.ContentLength),
        };
    }

    private static AwsChunkedPayloadStream Chunked(HttpRequest request, ChunkSignatureChain? chain, bool trailerSigned, bool withTrailers) =>
        new(request.Body, chain, trailerSigned, withTrailers ? DeclaredTrailers(request) : new HashSet<string>(), DecodedLength(request));

    private static long? DecodedLength(HttpRequest request)
    {
        var header = request.Headers[SigV4Names.DecodedContentLengthHeader];
        if (header.Count == 0)
        {
            return null;
        }

        return header.Count == 1 && long.TryParse(header[0], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            ? length
            : throw new SigV4Exception(SigV4Failure.InvalidPayloadFraming, "x-amz-decoded-content-length must be a non-negative integer");
    }

    /// <summary>The lower-case names listed in <c>x-amz-trailer</c> (comma-separated, possibly over several header lines).</summary>
    private static HashSet<string> DeclaredTrailers(HttpRequest request)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in request.Headers[SigV4Names.TrailerHeader])
        {
            foreach (var name in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                names.Add(name.ToLowerInvariant());
            }
        }

        return names;
    }
}
