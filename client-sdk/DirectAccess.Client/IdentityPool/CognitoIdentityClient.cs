using DirectAccess.Client.Http;

namespace DirectAccess.Client.IdentityPool;

/// <summary>
/// Thin typed client for the unsigned Cognito identity pool operations (<c>AWSCognitoIdentityService</c>, JSON 1.1),
/// shaped like <c>AmazonCognitoIdentityClient</c>. Errors throw typed exceptions (<c>NotAuthorizedException</c>,
/// <c>ResourceNotFoundException</c>, <c>InvalidIdentityPoolConfigurationException</c>, ...).
/// </summary>
public sealed class CognitoIdentityClient
{
    private readonly AwsJsonProtocolClient _protocol;

    /// <summary>Creates the client.</summary>
    /// <param name="http">Shared HTTP client (not disposed here).</param>
    /// <param name="endpoint">Service URL.</param>
    /// <param name="region">Region.</param>
    /// <param name="skew">Clock-skew tracker fed from responses' <c>Date</c>.</param>
    public CognitoIdentityClient(HttpClient http, Uri endpoint, string region, ClockSkew skew)
    {
        _protocol = new AwsJsonProtocolClient(http, endpoint, "AWSCognitoIdentityService", "cognito-identity", region, skew);
    }

    /// <summary><c>GetId</c>: the identity id of the logged-in user in the pool (created on first call).</summary>
    public Task<GetIdResponse> GetIdAsync(GetIdRequest request, CancellationToken ct = default) =>
        _protocol.SendAsync<GetIdRequest, GetIdResponse>("GetId", request, ct);

    /// <summary><c>GetCredentialsForIdentity</c>: temporary credentials for the role the pool resolves (enhanced flow).</summary>
    public Task<GetCredentialsForIdentityResponse> GetCredentialsForIdentityAsync(GetCredentialsForIdentityRequest request, CancellationToken ct = default) =>
        _protocol.SendAsync<GetCredentialsForIdentityRequest, GetCredentialsForIdentityResponse>("GetCredentialsForIdentity", request, ct);

    /// <summary><c>GetOpenIdToken</c>: an OpenID token for the basic (classic) flow.</summary>
    public Task<GetOpenIdTokenResponse> GetOpenIdTokenAsync(GetOpenIdTokenRequest request, CancellationToken ct = default) =>
        _protocol.SendAsync<GetOpenIdTokenRequest, GetOpenIdTokenResponse>("GetOpenIdToken", request, ct);
}
