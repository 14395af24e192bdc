using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Lambda.Protocol;

/// <summary>Reads a request body into memory, refusing more than a byte limit before and while reading.</summary>
public static class BoundedRequestBody
{
    /// <summary>Reads the whole body (at most <paramref name="maximumBytes"/> bytes).</summary>
    /// <param name="request">The request.</param>
    /// <param name="maximumBytes">Largest accepted body in bytes.</param>
    /// <param name="tooLarge">Builds the error for a body over the limit (argument: declared or counted bytes so far).</param>
    /// <param name="cancellationToken">Aborts the read.</param>
    /// <exception cref="LambdaException">The body is larger than <paramref name="maximumBytes"/>.</exception>
    public static async Task<byte[]> ReadAsync(HttpRequest request, int maximumBytes, Func<long, LambdaException> tooLarge, CancellationToken cancellationToken)
    {
        var declared = request.ContentLength;
        if (declared > maximumBytes)
        {
            throw tooLarge(declared.Value);
        }

        var buffer = new byte[declared ?? 0];
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                if (declared is not null)
                {
                    // Declared length reached: a well-formed request has nothing more.
                    break;
                }

                if (buffer.Length >= maximumBytes + 1)
                {
                    throw tooLarge(filled);
                }

                Array.Resize(ref buffer, Math.Min(Math.Max(4096, buffer.Length * 2), maximumBytes + 1));
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
            if (filled > maximumBytes)
            {
                throw tooLarge(filled);
            }
        }

        return filled == buffer.Length ? buffer : buffer[..filled];
    }
}
