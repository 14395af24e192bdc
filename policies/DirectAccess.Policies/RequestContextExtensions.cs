using System.Globalization;

namespace DirectAccess.Policies;

/// <summary>Helpers that set the global condition keys AWS adds to every request (IAM user guide, "AWS global
/// condition context keys").</summary>
public static class RequestContextExtensions
{
    /// <summary>
    /// Sets <c>aws:CurrentTime</c> (ISO 8601 UTC, whole seconds, e.g. <c>2026-11-21T12:00:00Z</c>) and
    /// <c>aws:EpochTime</c> (seconds since 1970-01-01 UTC) from <paramref name="now"/>. Returns the context.
    /// </summary>
    public static RequestContext WithRequestTime(this RequestContext request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request
            .With("aws:CurrentTime", now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
            .With("aws:EpochTime", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Sets the keys of a Cognito identity pool session (Cognito developer guide, "IAM roles"; REFERENCE §4):
    /// <c>cognito-identity.amazonaws.com:sub</c> = <paramref name="identityId"/> (<c>region:guid</c>),
    /// <c>:aud</c> = <paramref name="identityPoolId"/>, <c>:amr</c> = <paramref name="amr"/> (e.g. <c>authenticated</c>,
    /// <c>cognito-idp.region.amazonaws.com/poolId</c>, <c>...:CognitoSignIn:userSub</c>), and
    /// <c>aws:FederatedProvider</c> = <c>cognito-identity.amazonaws.com</c>. Returns the context.
    /// </summary>
    public static RequestContext WithCognitoIdentity(this RequestContext request, string identityId, string identityPoolId,
        params string[] amr)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(identityId);
        ArgumentException.ThrowIfNullOrEmpty(identityPoolId);
        return request
            .With("cognito-identity.amazonaws.com:sub", identityId)
            .With("cognito-identity.amazonaws.com:aud", identityPoolId)
            .WithValues("cognito-identity.amazonaws.com:amr", amr)
            .With("aws:FederatedProvider", "cognito-identity.amazonaws.com");
    }
}
