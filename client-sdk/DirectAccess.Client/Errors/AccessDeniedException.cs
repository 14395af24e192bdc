using System.Net;

namespace DirectAccess.Client.Errors;

/// <summary>
/// IAM refused the request: S3 <c>AccessDenied</c> (403) or Lambda <c>AccessDeniedException</c> (403).
/// <see cref="Reason"/> is AWS's explanation, e.g. <c>User: arn:aws:sts::…:assumed-role/… is not authorized to perform:
/// s3:PutObject on resource: "arn:aws:s3:::bucket/key" because no identity-based policy allows the s3:PutObject action</c>.
/// </summary>
public sealed class AccessDeniedException(string errorCode, string reason, string? requestId, HttpStatusCode status, string service, Exception? inner = null)
    : DirectAccessServiceException(errorCode, reason, requestId, status, service, inner)
{
    /// <summary>The reason text as the service sent it.</summary>
    public string Reason => ServiceMessage;
}
