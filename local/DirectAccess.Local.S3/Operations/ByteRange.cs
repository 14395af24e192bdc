using DirectAccess.Local.S3.Protocol;

namespace DirectAccess.Local.S3.Operations;

/// <summary>
/// A single byte range of an object (RFC 7233 as S3 applies it, GetObject <c>Range</c>): <c>bytes=a-b</c>,
/// <c>bytes=a-</c> (to the end) and <c>bytes=-n</c> (last n bytes). S3 serves one range; a header it cannot parse
/// (including multiple ranges) is ignored and the whole object is returned.
/// </summary>
/// <param name="Start">First byte, inclusive.</param>
/// <param name="Length">Number of bytes.</param>
public sealed record ByteRange(long Start, long Length)
{
    /// <summary>Last byte, inclusive.</summary>
    public long End => Start + Length - 1;

    /// <summary>The <c>Content-Range</c> value, e.g. <c>bytes 0-9/100</c>.</summary>
    public string ContentRange(long size) => FormattableString.Invariant($"bytes {Start}-{End}/{size}");

    /// <summary>The range <paramref name="header"/> selects in an object of <paramref name="size"/> bytes; null = whole object.</summary>
    /// <exception cref="S3Exception">416 <c>InvalidRange</c> when the range lies beyond the object.</exception>
    public static ByteRange? Parse(string? header, long size)
    {
        if (header is null || !header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase) || header.Contains(','))
        {
            return null;
        }

        var spec = header["bytes=".Length..].Trim();
        var dash = spec.IndexOf('-');
        if (dash < 0)
        {
            return null;
        }

        var first = spec[..dash].Trim();
        var last = spec[(dash + 1)..].Trim();
        if (first.Length == 0)
        {
            if (!long.TryParse(last, out var suffix) || suffix < 0)
            {
                return null;
            }

            if (suffix == 0 || size == 0)
            {
                throw S3Errors.InvalidRange(header, size);
            }

            var length = Math.Min(suffix, size);
            return new ByteRange(size - length, length);
        }

        if (!long.TryParse(first, out var start) || start < 0)
        {
            return null;
        }

        long end;
        if (last.Length == 0)
        {
            end = size - 1;
        }
        else if (!long.TryParse(last, out end) || end < start)
        {
            return null;
        }

        if (start >= size)
        {
            throw S3Errors.InvalidRange(header, size);
        }

        end = Math.Min(end, size - 1);
        return new ByteRange(start, end - start + 1);
    }
}
