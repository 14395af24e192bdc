using DirectAccess.Local.Security;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.S3.Routing;

/// <summary>One authenticated S3 request as the operations see it.</summary>
/// <param name="Context">The HTTP exchange.</param>
/// <param name="Caller">The authenticated caller.</param>
/// <param name="Payload">The verifying body stream (read it to the end to verify signatures and trailers).</param>
/// <param name="Bucket">The addressed bucket (null only for ListBuckets); known to exist.</param>
/// <param name="Key">The addressed key, or null for bucket-level operations.</param>
public sealed record S3Request(HttpContext Context, CallerIdentity Caller, VerifyingPayloadStream Payload, string? Bucket, string? Key)
{
    /// <summary>The HTTP request.</summary>
    public HttpRequest Http => Context.Request;

    /// <summary>The HTTP response.</summary>
    public HttpResponse Response => Context.Response;

    /// <summary>The bucket; for bucket and object operations only.</summary>
    public string BucketName => Bucket ?? throw new InvalidOperationException("The request addresses no bucket.");

    /// <summary>The key; for object operations only.</summary>
    public string ObjectKey => Key ?? throw new InvalidOperationException("The request addresses no key.");

    /// <summary>A query parameter, or null when absent.</summary>
    public string? Query(string name) => Http.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>A request header, or null when absent or empty.</summary>
    public string? Header(string name) => Http.Headers.TryGetValue(name, out var value) && value.Count > 0 && value.ToString().Length > 0
        ? value.ToString()
        : null;

    /// <summary>The request's abort token.</summary>
    public CancellationToken Aborted => Context.RequestAborted;
}
