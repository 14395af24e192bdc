using Amazon.S3;
using Amazon.S3.Model;
using DirectAccess.Functions.Contracts;
using DirectAccess.Functions.Storage;
using DirectAccess.Functions.Worker.Context;
using DirectAccess.Functions.Worker.Functions;

namespace DirectAccess.Functions.Handlers;

/// <summary>
/// <c>AdminReport</c>: lists <c>private/</c> (ListObjectsV2, 1,000 keys a page) and sums object count and bytes per
/// <c>private/&lt;identity id&gt;/</c> prefix. Who may call it is IAM's decision (<c>lambda:InvokeFunction</c>); the
/// function still refuses (<c>Forbidden</c>) a caller without a Cognito identity. Memory grows with the number of
/// identities, not objects.
/// </summary>
public sealed class AdminReportFunction(IAmazonS3 s3, UploadBucket bucket) : IFunction<AdminReportRequest, AdminReportResponse>
{
    private const string PrivateRoot = "private/";

    /// <inheritdoc />
    public async Task<AdminReportResponse> RunAsync(AdminReportRequest request, FunctionContext context)
    {
        OwnedKey.RequireCaller(context);
        var usage = new SortedDictionary<string, (long Objects, long Bytes)>(StringComparer.Ordinal);
        var listing = new ListObjectsV2Request { BucketName = bucket.Name, Prefix = PrivateRoot };
        ListObjectsV2Response page;
        do
        {
            page = await S3ErrorTranslation.TranslateAsync(PrivateRoot, () => s3.ListObjectsV2Async(listing, context.CancellationToken)).ConfigureAwait(false);
            foreach (var entry in page.S3Objects ?? [])
            {
                if (IdentityPrefix(entry.Key) is { } prefix)
                {
                    usage.TryGetValue(prefix, out var sum);
                    usage[prefix] = (sum.Objects + 1, sum.Bytes + (entry.Size ?? 0));
                }
            }

            listing.ContinuationToken = page.NextContinuationToken;
        }
        while (page.IsTruncated == true && !string.IsNullOrEmpty(page.NextContinuationToken));

        var prefixes = usage.Select(pair => new PrefixUsage(pair.Key, pair.Value.Objects, pair.Value.Bytes)).ToArray();
        return new AdminReportResponse(bucket.Name, prefixes, prefixes.Sum(p => p.Objects), prefixes.Sum(p => p.Bytes));
    }

    /// <summary><c>private/&lt;id&gt;/</c> of a key below it, or null for keys directly under <c>private/</c>.</summary>
    private static string? IdentityPrefix(string key)
    {
        var end = key.IndexOf('/', PrivateRoot.Length);
        return end > PrivateRoot.Length ? key[..(end + 1)] : null;
    }
}
