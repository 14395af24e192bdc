using System.Globalization;
using DirectAccess.Local.S3.Model;
using DirectAccess.Local.S3.Protocol;
using DirectAccess.Local.S3.Routing;
using DirectAccess.Local.S3.Security;
using DirectAccess.Local.S3.Storage;

namespace DirectAccess.Local.S3.Operations;

/// <summary>
/// ListParts (<c>s3:ListMultipartUploadParts</c> on the object; <c>max-parts</c>, <c>part-number-marker</c>) and
/// ListMultipartUploads (<c>s3:ListBucketMultipartUploads</c> on the bucket; <c>prefix</c>, <c>delimiter</c>,
/// <c>key-marker</c>, <c>upload-id-marker</c>, <c>max-uploads</c>, <c>encoding-type</c>). Uploads are ordered by key,
/// then upload id.
/// </summary>
public sealed class MultipartListOperations(UploadCatalog uploads, S3Authorization authorization)
{
    /// <summary>Serves ListParts.</summary>
    public async Task ListPartsAsync(S3Request request)
    {
        authorization.RequireOnObject(request, "s3:ListMultipartUploadParts");
        var upload = uploads.Get(request.BucketName, request.ObjectKey, request.Query("uploadId")!);
        var maxParts = ListObjectsOperation.ParseMaxKeys(request.Query("max-parts"), "max-parts");
        var markerText = request.Query("part-number-marker");
        var marker = 0;
        if (markerText is not null && !int.TryParse(markerText, NumberStyles.None, CultureInfo.InvariantCulture, out marker))
        {
            throw S3Errors.InvalidArgument("Provided part-number-marker not an integer or within integer range", "part-number-marker", markerText);
        }

        var fetched = uploads.ListParts(upload.UploadId, marker, maxParts + 1);
        var truncated = fetched.Count > maxParts;
        var page = fetched.Take(maxParts).ToArray();
        await XmlResponse.WriteAsync(request.Response, "ListPartsResult", xml =>
        {
            xml.WriteElementString("Bucket", upload.Bucket);
            xml.WriteElementString("Key", upload.Key);
            xml.WriteElementString("UploadId", upload.UploadId);
            xml.Number("PartNumberMarker", marker);
            if (page.Length > 0)
            {
                xml.Number("NextPartNumberMarker", page[^1].PartNumber);
            }

            xml.Number("MaxParts", maxParts);
            xml.Bool("IsTruncated", truncated);
            xml.Principal("Initiator", upload.InitiatorArn);
            xml.Principal("Owner", upload.InitiatorArn);
            xml.WriteElementString("StorageClass", "STANDARD");
            if (upload.ChecksumAlgorithm is not null)
            {
                xml.WriteElementString("ChecksumAlgorithm", upload.ChecksumAlgorithm);
                xml.Optional("ChecksumType", upload.ChecksumType);
            }

            foreach (var part in page)
            {
                xml.WriteStartElement("Part");
                xml.Number("PartNumber", part.PartNumber);
                xml.WriteElementString("LastModified", HttpFormats.XmlDate(part.LastModified));
                xml.WriteElementString("ETag", HttpFormats.QuoteETag(part.ETag));
                xml.Number("Size", part.Size);
                if (upload.ChecksumAlgorithm is not null && part.ChecksumValue is not null)
                {
                    xml.WriteElementString(ObjectChecksum.ElementFor(upload.ChecksumAlgorithm), part.ChecksumValue);
                }

                xml.WriteEndElement();
            }
        });
    }

    /// <summary>Serves ListMultipartUploads.</summary>
    public async Task ListMultipartUploadsAsync(S3Request request)
    {
        authorization.RequireOnBucket(request, "s3:ListBucketMultipartUploads");
        var prefix = request.Query("prefix") ?? "";
        var delimiter = request.Query("delimiter");
        var keyMarker = request.Query("key-marker") ?? "";
        var uploadIdMarker = request.Query("upload-id-marker") ?? "";
        var maxUploads = ListObjectsOperation.ParseMaxKeys(request.Query("max-uploads"), "max-uploads");
        var encodingType = request.Query("encoding-type");
        if (encodingType is not null && encodingType != "url")
        {
            throw S3Errors.InvalidArgument("Invalid Encoding Method specified in Request", "encoding-type", encodingType);
        }

        // A key marker that is a common prefix of this listing resumes after everything under it.
        var skipPrefix = !string.IsNullOrEmpty(delimiter) && keyMarker.Length > prefix.Length
            && keyMarker.StartsWith(prefix, StringComparison.Ordinal) && keyMarker.EndsWith(delimiter, StringComparison.Ordinal)
            ? keyMarker
            : null;
        var page = KeyListing<MultipartUpload>.Build(Enumerate(request.BucketName, prefix, keyMarker, uploadIdMarker),
            u => u.Key, prefix, delimiter, maxUploads, skipPrefix);
        string Encode(string value) => encodingType == "url" ? ListObjectsOperation.UrlEncode(value) : value;

        await XmlResponse.WriteAsync(request.Response, "ListMultipartUploadsResult", xml =>
        {
            xml.WriteElementString("Bucket", request.BucketName);
            xml.WriteElementString("KeyMarker", Encode(keyMarker));
            xml.WriteElementString("UploadIdMarker", uploadIdMarker);
            if (page.IsTruncated)
            {
                xml.WriteElementString("NextKeyMarker", Encode(page.LastEntry!));
                xml.WriteElementString("NextUploadIdMarker", page.LastEntryIsPrefix ? "" : page.Contents[^1].UploadId);
            }

            xml.WriteElementString("Prefix", Encode(prefix));
            xml.Optional("Delimiter", delimiter is null ? null : Encode(delimiter));
            xml.Number("MaxUploads", maxUploads);
            xml.Optional("EncodingType", encodingType);
            xml.Bool("IsTruncated", page.IsTruncated);
            foreach (var upload in page.Contents)
            {
                xml.WriteStartElement("Upload");
                xml.WriteElementString("Key", Encode(upload.Key));
                xml.WriteElementString("UploadId", upload.UploadId);
                xml.Principal("Initiator", upload.InitiatorArn);
                xml.Principal("Owner", upload.InitiatorArn);
                xml.WriteElementString("StorageClass", "STANDARD");
                xml.WriteElementString("Initiated", HttpFormats.XmlDate(upload.Initiated));
                if (upload.ChecksumAlgorithm is not null)
                {
                    xml.WriteElementString("ChecksumAlgorithm", upload.ChecksumAlgorithm);
                    xml.Optional("ChecksumType", upload.ChecksumType);
                }

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

    /// <summary>Uploads after the markers, paged from the catalog 1,000 at a time.</summary>
    private IEnumerable<MultipartUpload> Enumerate(string bucket, string prefix, string keyMarker, string uploadIdMarker)
    {
        var (key, id) = (keyMarker, uploadIdMarker);
        while (true)
        {
            var page = uploads.ListUploads(bucket, prefix, key, id, 1000);
            foreach (var upload in page)
            {
                yield return upload;
            }

            if (page.Count < 1000)
            {
                yield break;
            }

            (key, id) = (page[^1].Key, page[^1].UploadId);
        }
    }
}
