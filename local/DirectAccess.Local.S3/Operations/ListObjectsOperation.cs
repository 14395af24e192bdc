using System.Globalization;
using System.Text;
using DirectAccess.Local.S3.Model;
using DirectAccess.Local.S3.Protocol;
using DirectAccess.Local.S3.Routing;
using DirectAccess.Local.S3.Security;
using DirectAccess.Local.S3.Storage;

namespace DirectAccess.Local.S3.Operations;

/// <summary>
/// ListObjectsV2 (S3 API reference): <c>prefix</c>, <c>delimiter</c> → <c>CommonPrefixes</c>, <c>continuation-token</c>,
/// <c>start-after</c>, <c>max-keys</c> (≤ 1,000), <c>encoding-type=url</c>; <c>fetch-owner</c> is ignored (no owners
/// here). IAM: <c>s3:ListBucket</c> on the bucket with <c>s3:prefix</c> (only when the request has a prefix),
/// <c>s3:delimiter</c> and <c>s3:max-keys</c>.
/// </summary>
public sealed class ListObjectsOperation(ObjectCatalog objects, S3Authorization authorization)
{
    /// <summary>Serves ListObjectsV2.</summary>
    public async Task ListObjectsV2Async(S3Request request)
    {
        var prefixParameter = request.Query("prefix");
        var delimiter = request.Query("delimiter");
        var maxKeysText = request.Query("max-keys");
        var keys = new Dictionary<string, string[]>();
        if (prefixParameter is not null)
        {
            keys["s3:prefix"] = [prefixParameter];
        }

        if (delimiter is not null)
        {
            keys["s3:delimiter"] = [delimiter];
        }

        if (maxKeysText is not null)
        {
            keys["s3:max-keys"] = [maxKeysText];
        }

        authorization.RequireOnBucket(request, "s3:ListBucket", keys);

        var prefix = prefixParameter ?? "";
        var maxKeys = ParseMaxKeys(maxKeysText);
        var encodingType = request.Query("encoding-type");
        if (encodingType is not null && encodingType != "url")
        {
            throw S3Errors.InvalidArgument("Invalid Encoding Method specified in Request", "encoding-type", encodingType);
        }

        var continuationToken = request.Query("continuation-token");
        var startAfter = request.Query("start-after");
        var (after, skipPrefix) = continuationToken is not null
            ? DecodeToken(continuationToken)
            : (startAfter ?? "", null);

        var page = KeyListing<ObjectSummary>.Build(objects.Enumerate(request.BucketName, prefix, after), o => o.Key,
            prefix, delimiter, maxKeys, skipPrefix);
        string Encode(string value) => encodingType == "url" ? UrlEncode(value) : value;

        await XmlResponse.WriteAsync(request.Response, "ListBucketResult", xml =>
        {
            xml.WriteElementString("Name", request.BucketName);
            xml.WriteElementString("Prefix", Encode(prefix));
            xml.Optional("Delimiter", delimiter is null ? null : Encode(delimiter));
            xml.Number("MaxKeys", maxKeys);
            xml.Optional("EncodingType", encodingType);
            xml.Number("KeyCount", page.Contents.Count + page.CommonPrefixes.Count);
            xml.Bool("IsTruncated", page.IsTruncated);
            xml.Optional("ContinuationToken", continuationToken);
            if (page.IsTruncated)
            {
                xml.WriteElementString("NextContinuationToken", EncodeToken(page.LastEntry!, page.LastEntryIsPrefix));
            }

            xml.Optional("StartAfter", startAfter is null ? null : Encode(startAfter));
            foreach (var item in page.Contents)
            {
                xml.WriteStartElement("Contents");
                xml.WriteElementString("Key", Encode(item.Key));
                xml.WriteElementString("LastModified", HttpFormats.XmlDate(item.LastModified));
                xml.WriteElementString("ETag", HttpFormats.QuoteETag(item.ETag));
                xml.Optional("ChecksumAlgorithm", item.ChecksumAlgorithm);
                xml.Optional("ChecksumType", item.ChecksumType);
                xml.Number("Size", item.Size);
                xml.WriteElementString("StorageClass", "STANDARD");
                xml.WriteEndElement();
            }

            foreach (var common in page.CommonPrefixes)
            {
                xml.WriteStartElement("CommonPrefixes");
                xml.WriteElementString("Prefix", Encode(common));
                xml.WriteEndElement();
            }
        });
    }

    /// <summary><c>max-keys</c>: default and ceiling 1,000.</summary>
    /// <exception cref="S3Exception">400 <c>InvalidArgument</c> when not a non-negative integer.</exception>
    public static int ParseMaxKeys(string? text, string name = "max-keys")
    {
        if (text is null)
        {
            return S3Limits.MaxKeys;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? Math.Min(value, S3Limits.MaxKeys)
            : throw S3Errors.InvalidArgument("Provided max-keys not an integer or within integer range", name, text);
    }

    /// <summary>S3's <c>encoding-type=url</c> form: percent-encoding of everything but unreserved characters and '/'.</summary>
    public static string UrlEncode(string value) => Uri.EscapeDataString(value).Replace("%2F", "/", StringComparison.Ordinal);

    /// <summary>Opaque token: Base64 of a type letter (k = key, p = common prefix) and the last entry.</summary>
    private static string EncodeToken(string lastEntry, bool isPrefix) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes((isPrefix ? "p" : "k") + lastEntry));

    private static (string After, string? SkipPrefix) DecodeToken(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.Length > 0 && text[0] is 'k' or 'p')
            {
                var entry = text[1..];
                return text[0] == 'p' ? (entry, entry) : (entry, null);
            }
        }
        catch (FormatException)
        {
        }

        throw S3Errors.InvalidArgument("The continuation token provided is incorrect", "continuation-token", token);
    }
}
