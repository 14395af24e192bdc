using System.Security.Cryptography;
using System.Text;
using DirectAccess.Local.Model;

namespace DirectAccess.Local.UserPools.Operations.Auth;

/// <summary>
/// What an app client permits (Cognito API reference, <c>UserPoolClientType.ExplicitAuthFlows</c> and
/// "Computing secret hash values"): the auth flow must be enabled for the client, and a client with a secret must
/// send <c>SECRET_HASH = Base64(HMAC-SHA256(clientSecret, username + clientId))</c>.
/// </summary>
public static class ClientGate
{
    /// <summary>
    /// Throws unless <paramref name="flow"/> (<c>USER_SRP_AUTH</c>, <c>USER_PASSWORD_AUTH</c>, <c>REFRESH_TOKEN_AUTH</c>)
    /// is enabled. With <c>ALLOW_*</c> names the flow must be listed; with only legacy names (or none, AWS's default)
    /// SRP and refresh are on and <c>USER_PASSWORD_AUTH</c> must be listed.
    /// </summary>
    /// <exception cref="CognitoException"><c>InvalidParameterException</c> "&lt;FLOW&gt; flow not enabled for this client".</exception>
    public static void RequireFlow(UserPoolClientModel client, string flow)
    {
        var flows = client.ExplicitAuthFlows;
        var modern = flows.Any(f => f.StartsWith("ALLOW_", StringComparison.Ordinal));
        var enabled = modern
            ? flows.Contains("ALLOW_" + flow, StringComparer.Ordinal)
            : flow != "USER_PASSWORD_AUTH" || flows.Contains(flow, StringComparer.Ordinal);
        if (!enabled)
        {
            throw CognitoException.InvalidParameter($"{flow} flow not enabled for this client");
        }
    }

    /// <summary>
    /// Checks <paramref name="secretHash"/> when the client has a secret; <paramref name="usernames"/> are the
    /// acceptable usernames for the hash (refresh accepts username or <c>sub</c>).
    /// </summary>
    /// <exception cref="CognitoException"><c>NotAuthorizedException</c> when missing or wrong.</exception>
    public static void RequireSecretHash(UserPoolClientModel client, string? secretHash, params string[] usernames)
    {
        if (client.ClientSecret is null)
        {
            return;
        }

        if (string.IsNullOrEmpty(secretHash))
        {
            throw CognitoException.NotAuthorized($"Client {client.ClientId} is configured with secret but SECRET_HASH was not received");
        }

        var claimed = Encoding.UTF8.GetBytes(secretHash);
        foreach (var username in usernames)
        {
            var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(client.ClientSecret),
                Encoding.UTF8.GetBytes(username + client.ClientId)));
            if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), claimed))
            {
                return;
            }
        }

        throw CognitoException.NotAuthorized($"Unable to verify secret hash for client {client.ClientId}");
    }
}
