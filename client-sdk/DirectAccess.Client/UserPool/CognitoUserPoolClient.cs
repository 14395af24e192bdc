using DirectAccess.Client.Http;

namespace DirectAccess.Client.UserPool;

/// <summary>
/// Thin typed client for the unsigned Cognito user pool operations (<c>AWSCognitoIdentityProviderService</c>, JSON
/// 1.1), shaped like <c>AmazonCognitoIdentityProviderClient</c>. Errors throw the typed exceptions of
/// <see cref="DirectAccess.Client.Errors"/> (<c>NotAuthorizedException</c>, <c>UserNotConfirmedException</c>, ...).
/// </summary>
public sealed class CognitoUserPoolClient
{
    private readonly AwsJsonProtocolClient _protocol;

    /// <summary>Creates the client.</summary>
    /// <param name="http">Shared HTTP client (not disposed here).</param>
    /// <param name="endpoint">The service URL (e.g. <c>https://cognito-idp.us-east-1.amazonaws.com/</c> or the local cloud).</param>
    /// <param name="region">Region.</param>
    /// <param name="skew">Clock-skew tracker fed from responses.</param>
    public CognitoUserPoolClient(HttpClient http, Uri endpoint, string region, ClockSkew skew)
    {
        _protocol = new AwsJsonProtocolClient(http, endpoint, "AWSCognitoIdentityProviderService", "cognito-idp", region, skew);
    }

    /// <summary><c>InitiateAuth</c>: starts a sign-in flow.</summary>
    public Task<InitiateAuthResponse> InitiateAuthAsync(InitiateAuthRequest request, CancellationToken ct = default) =>
        _protocol.SendAsync<InitiateAuthRequest, InitiateAuthResponse>("InitiateAuth", request, ct);

    /// <summary><c>RespondToAuthChallenge</c>: answers a challenge.</summary>
    public Task<InitiateAuthResponse> RespondToAuthChallengeAsync(RespondToAuthChallengeRequest request, CancellationToken ct = default) =>
        _protocol.SendAsync<RespondToAuthChallengeRequest, InitiateAuthResponse>("RespondToAuthChallenge", request, ct);

    /// <summary><c>GlobalSignOut</c>: revokes the user's refresh tokens (access tokens stop working for user-pool APIs).</summary>
    public Task<GlobalSignOutResponse> GlobalSignOutAsync(GlobalSignOutRequest request, CancellationToken ct = default) =>
        _protocol.SendAsync<GlobalSignOutRequest, GlobalSignOutResponse>("GlobalSignOut", request, ct);
}
