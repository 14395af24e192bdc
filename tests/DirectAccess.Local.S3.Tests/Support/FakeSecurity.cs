using DirectAccess.Local.Security;
using DirectAccess.Policies;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.S3.Tests.Support;

/// <summary>
/// Stand-ins for the auth area, used only when <c>DIRECTACCESS_S3_FAKE_CLOUD=1</c> (developing S3 before SigV4 landed):
/// the caller is looked up by the access key named in the Authorization header (signature not checked), the body is
/// passed through (no aws-chunked decoding), and IAM is "admin may do anything, others only their private prefix".
/// </summary>
public sealed class FakeAuthenticator(IReadOnlyDictionary<string, CallerIdentity> callers) : IRequestAuthenticator
{
    public AuthenticationResult Authenticate(HttpRequest request, ReadOnlySpan<byte> body, string service) =>
        throw new NotSupportedException();

    public StreamingAuthenticationResult AuthenticateStreaming(HttpRequest request, string service)
    {
        var authorization = request.Headers.Authorization.ToString();
        var at = authorization.IndexOf("Credential=", StringComparison.Ordinal);
        var accessKey = at < 0 ? request.Query["X-Amz-Credential"].ToString().Split('/')[0] : authorization[(at + 11)..].Split('/')[0];
        if (!callers.TryGetValue(accessKey, out var caller))
        {
            return new(AuthenticationResult.Fail(403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records."), null);
        }

        return new(AuthenticationResult.Success(caller), new PassThroughPayload(request.Body, request.ContentLength ?? 0));
    }

    private sealed class PassThroughPayload(Stream inner, long length) : VerifyingPayloadStream
    {
        public override IReadOnlyDictionary<string, string> Trailers { get; } = new Dictionary<string, string>();
        public override long? DecodedLength => length;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>Admin: everything. Others: objects under <c>private/&lt;identityId&gt;/</c> and listing with that prefix.</summary>
public sealed class FakeAuthorizer : IAccessAuthorizer
{
    public AuthorizationResult Authorize(CallerIdentity caller, string action, string resource, HttpRequest request,
        IReadOnlyDictionary<string, string[]>? serviceKeys = null)
    {
        var own = $"private/{caller.IdentityId}/";
        var allowed = caller.IsAdministrator
            || (resource.Contains($"/{own}", StringComparison.Ordinal) && action != "s3:ListBucket")
            || (action == "s3:ListBucket" && serviceKeys is not null && serviceKeys.TryGetValue("s3:prefix", out var prefix)
                && prefix[0].StartsWith(own, StringComparison.Ordinal));
        return allowed
            ? new AuthorizationResult(new Decision(DecisionKind.Allow, null, []), "")
            : new AuthorizationResult(new Decision(DecisionKind.ImplicitDeny, null, []),
                $"User: {caller.CallerArn} is not authorized to perform: {action} on resource: \"{resource}\" because no identity-based policy allows the {action} action");
    }
}
