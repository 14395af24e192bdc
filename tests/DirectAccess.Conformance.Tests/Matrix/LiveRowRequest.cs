using DirectAccess.Client;
using DirectAccess.Conformance.Tests.Support;
using DirectAccess.Policies.Templates;

namespace DirectAccess.Conformance.Tests.Matrix;

/// <summary>
/// Maps a matrix row's IAM action to the real request IAM authorizes as that action (REFERENCE §5) and runs it with
/// the caller's session. IAM matches action names case-insensitively, so <c>S3:PUTOBJECT</c> is a <c>PutObject</c>.
/// </summary>
public static class LiveRowRequest
{
    private static readonly string[] Known =
    [
        "s3:PutObject", "s3:GetObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts",
        "s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:DeleteBucket", "lambda:InvokeFunction",
    ];

    /// <summary>The action as IAM documents it (and names it in a denial), or null when no live request is mapped.</summary>
    public static string? CanonicalAction(string action) => Known.FirstOrDefault(a => string.Equals(a, action, StringComparison.OrdinalIgnoreCase));

    public static Task<RowRun> RunAsync(AccessMatrixCase row, RowCaller caller, S3Arrangements admin, string ourBucket, string whoAmIFunction)
    {
        var action = CanonicalAction(row.Row.Action) ?? throw new AssertionException($"no live request is mapped for action {row.Row.Action}");
        if (action == "lambda:InvokeFunction")
        {
            return new LambdaRowRequests(caller.Lambda, whoAmIFunction).InvokeAsync(LambdaTarget.Parse(row.Resource), row.IdentityId);
        }

        var s3 = new S3RowRequests(caller.S3, admin, ourBucket, row.Row.Id);
        var target = S3Target.Parse(row.Resource);
        return action switch
        {
            "s3:PutObject" => s3.PutObjectAsync(target),
            "s3:GetObject" => s3.GetObjectAsync(target),
            "s3:DeleteObject" => s3.DeleteObjectAsync(target),
            "s3:AbortMultipartUpload" => s3.AbortMultipartUploadAsync(target),
            "s3:ListMultipartUploadParts" => s3.ListPartsAsync(target),
            "s3:ListBucket" => s3.ListObjectsAsync(target, Single(row, "s3:prefix"), Single(row, "s3:delimiter")),
            "s3:ListBucketMultipartUploads" => s3.ListMultipartUploadsAsync(target),
            _ => s3.DeleteBucketAsync(target),
        };
    }

    private static string? Single(AccessMatrixCase row, string key) =>
        row.Row.Context.ContainsKey(key) ? row.Context[key].Single() : null;
}
