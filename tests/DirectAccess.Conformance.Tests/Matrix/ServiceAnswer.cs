using System.Net;
using Amazon.S3;
using DirectAccess.Client.Errors;

namespace DirectAccess.Conformance.Tests.Matrix;

/// <summary>What S3 or Lambda answered to one live request: success, or the status, error code and message it refused with.</summary>
public sealed record ServiceAnswer(HttpStatusCode Status, string? ErrorCode, string? Message)
{
    public bool Succeeded => ErrorCode is null;

    public static ServiceAnswer Success(HttpStatusCode status) => new(status, null, null);

    public static ServiceAnswer From(AmazonS3Exception e) => new(e.StatusCode, e.ErrorCode ?? $"(no code, HTTP {(int)e.StatusCode})", e.Message);

    public static ServiceAnswer From(DirectAccessServiceException e) => new(e.StatusCode, e.ErrorCode, e.ServiceMessage);

    public override string ToString() => Succeeded ? $"success (HTTP {(int)Status})" : $"HTTP {(int)Status} {ErrorCode}: {Message}";
}
