using System.Buffers;
using System.Security.Cryptography;
using DirectAccess.Local.S3.Model;
using DirectAccess.Local.S3.Protocol;
using DirectAccess.Local.Security;

namespace DirectAccess.Local.S3.Storage;

/// <summary>
/// Streams a request body to a temporary file while computing its MD5 and flexible checksum, then verifies length,
/// <c>Content-MD5</c> and the checksum (header or trailer). Memory use is one pooled buffer whatever the body size.
/// On any failure the temporary file is deleted before the error propagates, so nothing half-written survives.
/// </summary>
public sealed class BodyReceiver(S3DataDirectory directory)
{
    private const int BufferSize = 256 * 1024;

    /// <summary>Receives <paramref name="payload"/> completely.</summary>
    /// <param name="payload">The verifying payload stream from authentication.</param>
    /// <param name="checksum">Which checksum to compute and where its expected value comes from.</param>
    /// <param name="contentMd5">The decoded <c>Content-MD5</c>, or null.</param>
    /// <param name="maxLength">Largest accepted body in bytes (S3: 5 GiB for PutObject and UploadPart).</param>
    /// <param name="cancellationToken">Request abort.</param>
    /// <exception cref="S3Exception"><c>MissingContentLength</c>, <c>EntityTooLarge</c>, <c>IncompleteBody</c>,
    /// <c>BadDigest</c>, <c>InvalidRequest</c>, or the payload verifier's code (e.g. <c>SignatureDoesNotMatch</c>).</exception>
    public async Task<ReceivedBody> ReceiveAsync(VerifyingPayloadStream payload, ChecksumRequest checksum, byte[]? contentMd5,
        long maxLength, CancellationToken cancellationToken)
    {
        var declared = payload.DecodedLength ?? throw S3Errors.MissingContentLength();
        if (declared > maxLength)
        {
            throw S3Errors.EntityTooLarge(declared, maxLength);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var file = new HashingTempFile(directory, declared, checksum.Algorithm);
            while (true)
            {
                var read = await FillAsync(payload, buffer, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                if (file.Written + read > declared)
                {
                    throw S3Errors.IncompleteBody();
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            if (file.Written != declared)
            {
                throw S3Errors.IncompleteBody();
            }

            if (contentMd5 is not null && !CryptographicOperations.FixedTimeEquals(file.CurrentMd5(), contentMd5))
            {
                throw S3Errors.BadContentMd5();
            }

            return await file.SealAsync(computed => computed is null ? null : Verify(checksum, computed, payload));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Reads until the buffer is full or the body ends: the transport hands over a few KiB per read, and hashing and
    /// writing in 256 KiB blocks costs far fewer calls (one file write per block instead of per network read).
    /// </summary>
    private static async ValueTask<int> FillAsync(VerifyingPayloadStream payload, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await ReadAsync(payload, buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    /// <summary>Reads into the buffer, translating transport and verification failures into S3 errors.</summary>
    private static async ValueTask<int> ReadAsync(VerifyingPayloadStream payload, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await payload.ReadAsync(buffer, cancellationToken);
        }
        catch (PayloadVerificationException e)
        {
            throw new S3Exception(400, e.ErrorCode, e.Message);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            // Kestrel: the client sent fewer bytes than Content-Length before closing, or a malformed chunk.
            throw S3Errors.IncompleteBody();
        }
    }

    private static ObjectChecksum Verify(ChecksumRequest request, string computed, VerifyingPayloadStream payload)
    {
        var algorithm = request.Algorithm!;
        var expected = request.ExpectedBase64;
        if (request.TrailerName is not null)
        {
            if (!payload.Trailers.TryGetValue(request.TrailerName, out expected))
            {
                throw S3Errors.InvalidRequest($"The {request.TrailerName} trailer was declared in x-amz-trailer but not sent.");
            }

            if (!ChecksumRequest.IsWellFormed(algorithm, expected))
            {
                throw S3Errors.InvalidRequest($"Value for {request.TrailerName} trailing header is invalid.");
            }
        }

        if (expected is not null && expected != computed)
        {
            throw S3Errors.BadChecksum(algorithm);
        }

        return new ObjectChecksum(algorithm, computed, ObjectChecksum.FullObject);
    }
}
