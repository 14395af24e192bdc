using DirectAccess.Local.S3.Protocol;
using DirectAccess.Local.S3.Routing;
using DirectAccess.Local.Security;

namespace DirectAccess.Local.S3.Security;

/// <summary>
/// IAM checks for S3 operations (REFERENCE.md §5; Service Authorization Reference, Amazon S3): each operation's
/// action on the bucket or object ARN, decided by <see cref="IAccessAuthorizer"/> before any body is read.
/// </summary>
public sealed class S3Authorization(IAccessAuthorizer authorizer)
{
    /// <summary><c>arn:aws:s3:::&lt;bucket&gt;</c>.</summary>
    public static string BucketArn(string bucket) => $"arn:aws:s3:::{bucket}";

    /// <summary><c>arn:aws:s3:::&lt;bucket&gt;/&lt;key&gt;</c>.</summary>
    public static string ObjectArn(string bucket, string key) => $"arn:aws:s3:::{bucket}/{key}";

    /// <summary>Throws 403 <c>AccessDenied</c> with AWS's reason text unless IAM allows the action.</summary>
    /// <exception cref="S3Exception">403 <c>AccessDenied</c>.</exception>
    public void Require(S3Request request, string action, string resource, IReadOnlyDictionary<string, string[]>? serviceKeys = null)
    {
        var result = authorizer.Authorize(request.Caller, action, resource, request.Http, serviceKeys);
        if (!result.Allowed)
        {
            throw S3Errors.AccessDenied(result.Message);
        }
    }

    /// <summary>True when IAM allows the action (no error; for decisions like NoSuchKey vs AccessDenied).</summary>
    public bool IsAllowed(S3Request request, string action, string resource, IReadOnlyDictionary<string, string[]>? serviceKeys = null) =>
        authorizer.Authorize(request.Caller, action, resource, request.Http, serviceKeys).Allowed;

    /// <summary>Requires <paramref name="action"/> on the request's object.</summary>
    public void RequireOnObject(S3Request request, string action) =>
        Require(request, action, ObjectArn(request.BucketName, request.ObjectKey));

    /// <summary>Requires <paramref name="action"/> on the request's bucket.</summary>
    public void RequireOnBucket(S3Request request, string action, IReadOnlyDictionary<string, string[]>? serviceKeys = null) =>
        Require(request, action, BucketArn(request.BucketName), serviceKeys);
}
