using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Hosting;

/// <summary>
/// One AWS service (or protocol endpoint) served on the shared port. The router asks each handler, in the order they
/// are registered (the host composes them in one place), whether it takes a request; the first that does serves it.
/// </summary>
public interface IAwsServiceHandler
{
    /// <summary>Short name for logs, e.g. <c>cognito-idp</c>, <c>s3</c>.</summary>
    string Name { get; }

    /// <summary>True when this handler serves <paramref name="request"/>; must not read the body.</summary>
    bool CanHandle(HttpRequest request);

    /// <summary>Serves the request and writes the full response (AWS wire format, AWS error shapes).</summary>
    Task HandleAsync(HttpContext context);
}
