using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace DirectAccess.Client.UserPool;

/// <summary>
/// The user pool tokens of a signed-in user and the claims the SDK uses from the ID token (REFERENCE.md §3):
/// <c>sub</c>, <c>cognito:username</c>, <c>cognito:groups</c>, <c>cognito:roles</c>, <c>cognito:preferred_role</c>, <c>exp</c>.
/// Claims are read, not verified: the services that receive the token verify it.
/// </summary>
public sealed record UserPoolTokens
{
    /// <summary>ID token (JWT), the value for the identity pool's <c>Logins</c>.</summary>
    public required string IdToken { get; init; }

    /// <summary>Access token (JWT), for user-pool self-service calls such as <c>GlobalSignOut</c>.</summary>
    public required string AccessToken { get; init; }

    /// <summary>Refresh token (opaque), or null when sign-in returned none.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>When the ID token expires (UTC, the token's <c>exp</c> claim, server clock).</summary>
    public DateTime IdTokenExpiresUtc { get; init; }

    /// <summary>The user's <c>sub</c> (stable user id in the pool).</summary>
    public required string Sub { get; init; }

    /// <summary>The <c>cognito:username</c> claim.</summary>
    public required string Username { get; init; }

    /// <summary>The <c>cognito:groups</c> claim (empty when the user is in no group).</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>The <c>cognito:roles</c> claim: role ARNs of the user's groups, candidates for <c>CustomRoleArn</c>.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>The <c>cognito:preferred_role</c> claim, or null.</summary>
    public string? PreferredRole { get; init; }

    /// <summary>Builds the record from an <c>AuthenticationResult</c>.</summary>
    /// <param name="result">Tokens as returned by <c>InitiateAuth</c>/<c>RespondToAuthChallenge</c>.</param>
    /// <param name="previousRefreshToken">Kept when a refresh returns no new refresh token.</param>
    /// <exception cref="ArgumentException">The ID or access token is missing or not a JWT.</exception>
    public static UserPoolTokens From(AuthenticationResultType result, string? previousRefreshToken = null)
    {
        if (string.IsNullOrEmpty(result.IdToken) || string.IsNullOrEmpty(result.AccessToken))
        {
            throw new ArgumentException("AuthenticationResult lacks IdToken or AccessToken.", nameof(result));
        }

        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(result.IdToken);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or JsonException)
        {
            throw new ArgumentException("IdToken is not a JWT: " + e.Message, nameof(result), e);
        }

        return new UserPoolTokens
        {
            IdToken = result.IdToken,
            AccessToken = result.AccessToken,
            RefreshToken = result.RefreshToken ?? previousRefreshToken,
            IdTokenExpiresUtc = jwt.ValidTo,
            Sub = ClaimOrEmpty(jwt, "sub"),
            Username = ClaimOrEmpty(jwt, "cognito:username"),
            Groups = ListClaim(jwt, "cognito:groups"),
            Roles = ListClaim(jwt, "cognito:roles"),
            PreferredRole = jwt.TryGetPayloadValue<string>("cognito:preferred_role", out var preferred) ? preferred : null,
        };
    }

    private static string ClaimOrEmpty(JsonWebToken jwt, string name) =>
        jwt.TryGetPayloadValue<string>(name, out var value) ? value : "";

    // Real tokens carry these as JSON arrays; a single string is accepted too.
    private static IReadOnlyList<string> ListClaim(JsonWebToken jwt, string name) =>
        jwt.Claims.Where(c => c.Type == name).Select(c => c.Value).Where(v => v.Length > 0).ToArray();
}
