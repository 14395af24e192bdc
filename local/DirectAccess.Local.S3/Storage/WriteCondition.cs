using DirectAccess.Local.S3.Model;
using DirectAccess.Local.S3.Protocol;

namespace DirectAccess.Local.S3.Storage;

/// <summary>
/// Conditional write on PutObject / CompleteMultipartUpload (S3 user guide, "Conditional writes"): <c>If-None-Match: *</c>
/// (create only) and <c>If-Match: &lt;etag&gt;</c> (replace only that version). Checked inside the commit transaction,
/// so two racing writers cannot both pass.
/// </summary>
/// <param name="IfNoneMatchAny">True for <c>If-None-Match: *</c>.</param>
/// <param name="IfMatch">Unquoted ETag from <c>If-Match</c>, or null.</param>
public sealed record WriteCondition(bool IfNoneMatchAny, string? IfMatch)
{
    /// <summary>No condition.</summary>
    public static WriteCondition None { get; } = new(false, null);

    /// <summary>Reads the condition headers of a write request.</summary>
    /// <exception cref="S3Exception">501 for <c>If-None-Match</c> values other than <c>*</c>.</exception>
    public static WriteCondition FromHeaders(Microsoft.AspNetCore.Http.IHeaderDictionary headers)
    {
        var ifNoneMatch = headers.IfNoneMatch.ToString();
        var ifMatch = headers.IfMatch.ToString();
        if (ifNoneMatch.Length > 0 && ifNoneMatch.Trim() != "*")
        {
            throw S3Errors.NotImplemented("If-None-Match with a value other than *");
        }

        return new WriteCondition(ifNoneMatch.Length > 0, ifMatch.Length > 0 ? HttpFormats.UnquoteETag(ifMatch) : null);
    }

    /// <summary>Throws when the condition does not hold for <paramref name="existing"/> (null = no object).</summary>
    /// <exception cref="S3Exception">412 <c>PreconditionFailed</c>; 404 <c>NoSuchKey</c> for If-Match on a missing key.</exception>
    public void Check(StoredObject? existing, string key)
    {
        if (IfNoneMatchAny && existing is not null)
        {
            throw S3Errors.PreconditionFailed("If-None-Match");
        }

        if (IfMatch is not null)
        {
            if (existing is null)
            {
                throw S3Errors.NoSuchKey(key);
            }

            if (IfMatch != "*" && IfMatch != existing.ETag)
            {
                throw S3Errors.PreconditionFailed("If-Match");
            }
        }
    }
}
