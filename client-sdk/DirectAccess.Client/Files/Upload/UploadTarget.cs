using Amazon.S3;
using DirectAccess.Client.Files.Journal;

namespace DirectAccess.Client.Files.Upload;

/// <summary>What every upload needs: the S3 client (control calls), the body writer (data), the bucket and the journals.</summary>
internal sealed record UploadTarget(IAmazonS3 S3, S3BodyWriter Writer, string Bucket, UploadJournalStore Journals);
