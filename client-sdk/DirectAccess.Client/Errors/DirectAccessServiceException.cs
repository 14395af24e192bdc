using System.Net;

namespace DirectAccess.Client.Errors;

/// <summary>
/// An AWS service (Cognito, STS, S3, Lambda) refused a request. Carries AWS's error code (the <c>__type</c> of JSON
/// 1.1 errors, <c>x-amzn-ErrorType</c>, or S3's <c>&lt;Code&gt;</c>), the request id, and the HTTP status.
/// Specific codes have their own subclasses named as AWS names them.
/// </summary>
public class DirectAccessServiceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errorCode">AWS error code, e.g. <c>NotAuthorizedException</c>, <c>AccessDenied</c>.</param>
    /// <param name="message">AWS's message text.</param>
    /// <param name="requestId">The <c>x-amzn-RequestId</c>/<c>x-amz-request-id</c> of the failed call, when known.</param>
    /// <param name="statusCode">HTTP status of the response.</param>
    /// <param name="service">Service id: <c>cognito-idp</c>, <c>cognito-identity</c>, <c>sts</c>, <c>s3</c>, <c>lambda</c>.</param>
    /// <param name="inner">Underlying exception (e.g. the AWS SDK's), if any.</param>
    public DirectAccessServiceException(string errorCode, string message, string? requestId, HttpStatusCode statusCode, string service, Exception? inner = null)
        : base($"{service}: {errorCode}: {message}" + (requestId is null ? "" : $" (request id {requestId})"), inner)
    {
        ErrorCode = errorCode;
        ServiceMessage = message;
        RequestId = requestId;
        StatusCode = statusCode;
        Service = service;
    }

    /// <summary>AWS's error code.</summary>
    public string ErrorCode { get; }

    /// <summary>The message exactly as the service sent it.</summary>
    public string ServiceMessage { get; }

    /// <summary>The request id of the failed call, or null when the service sent none.</summary>
    public string? RequestId { get; }

    /// <summary>HTTP status code of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The service that answered (<c>cognito-idp</c>, <c>cognito-identity</c>, <c>sts</c>, <c>s3</c>, <c>lambda</c>).</summary>
    public string Service { get; }
}
