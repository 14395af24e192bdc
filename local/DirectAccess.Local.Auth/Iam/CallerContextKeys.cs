using DirectAccess.Local.Security;
using DirectAccess.Policies;
using Microsoft.AspNetCore.Http;

namespace DirectAccess.Local.Auth.Iam;

/// <summary>
/// Builds the request context IAM would see (IAM user guide, "AWS global condition context keys" and "Cognito identity
/// pool context keys"): <c>aws:userid</c>, <c>aws:PrincipalArn</c> (the role ARN), <c>aws:SourceIp</c>,
/// <c>aws:SecureTransport</c>, <c>aws:CurrentTime</c> (ISO 8601 UTC), <c>aws:EpochTime</c> (seconds),
/// <c>aws:RequestedRegion</c>, <c>aws:PrincipalAccount</c>, <c>aws:PrincipalType</c> (<c>AssumedRole</c>, or
/// <c>Account</c> for the administrator), and for identity-pool credentials <c>aws:FederatedProvider</c>
/// (<c>cognito-identity.amazonaws.com</c>), <c>cognito-identity.amazonaws.com:sub</c> (identity id), <c>:aud</c> (pool
/// id) and <c>:amr</c> (multi-valued); then the service's own keys, which may not replace any of these.
/// </summary>
internal static class CallerContextKeys
{
    private const string CognitoPrefix = "cognito-identity.amazonaws.com:";

    /// <summary>The context for <paramref name="action"/> on <paramref name="resource"/> by <paramref name="caller"/>.</summary>
    public static RequestContext Build(CallerIdentity caller, string action, string resource, HttpRequest request,
        IReadOnlyDictionary<string, string[]>? serviceKeys, string region, DateTimeOffset now)
    {
        var clock = RequestClock.For(now);
        var context = new RequestContext(action, resource)
            .With("aws:userid", caller.UserId)
            .With("aws:PrincipalArn", caller.RoleArn ?? caller.CallerArn)
            .With("aws:SecureTransport", request.IsHttps ? "true" : "false")
            .With("aws:CurrentTime", clock.CurrentTime)
            .With("aws:EpochTime", clock.EpochTime)
            .With("aws:RequestedRegion", region)
            .With("aws:PrincipalType", caller.RoleArn is null ? "Account" : "AssumedRole");
        if (AccountOf(caller.CallerArn) is { } account)
        {
            context.With("aws:PrincipalAccount", account);
        }

        if (SourceIp(request) is { } sourceIp)
        {
            context.With("aws:SourceIp", sourceIp);
        }

        if (caller.IdentityId is not null)
        {
            context.With("aws:FederatedProvider", "cognito-identity.amazonaws.com");
            context.With(CognitoPrefix + "sub", caller.IdentityId);
            if (caller.IdentityPoolId is not null)
            {
                context.With(CognitoPrefix + "aud", caller.IdentityPoolId);
            }

            context.WithValues(CognitoPrefix + "amr", [.. caller.Amr]);
        }

        if (serviceKeys is not null)
        {
            foreach (var (key, values) in serviceKeys)
            {
                // A service key never overrides what identifies the caller (e.g. a forged aws:userid or :sub).
                if (!context.TryGetValues(key, out _))
                {
                    context.WithValues(key, values);
                }
            }
        }

        return context;
    }

    /// <summary>The account id of <c>arn:aws:sts::&lt;account&gt;:…</c> or <c>arn:aws:iam::&lt;account&gt;:…</c>; null when not an ARN.</summary>
    private static string? AccountOf(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length >= 6 && parts[0] == "arn" && parts[4].Length > 0 ? parts[4] : null;
    }

    /// <summary>The client's address as IAM writes it: an IPv4 client seen through a dual-stack socket stays IPv4.</summary>
    private static string? SourceIp(HttpRequest request)
    {
        var address = request.HttpContext.Connection.RemoteIpAddress;
        if (address is null)
        {
            return null;
        }

        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }
}
