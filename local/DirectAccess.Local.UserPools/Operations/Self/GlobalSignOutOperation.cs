using System.Text.Json.Nodes;
using DirectAccess.Local.UserPools.Protocol;
using DirectAccess.Local.UserPools.Tokens;

namespace DirectAccess.Local.UserPools.Operations.Self;

/// <summary>
/// <c>GlobalSignOut {AccessToken}</c> (Cognito API reference): revokes every refresh token of the user, which also
/// makes every access token of those sign-ins unusable for user pool calls (checked by <c>origin_jti</c>).
/// ID tokens stay valid until they expire, as on AWS. Returns <c>{}</c>.
/// </summary>
public sealed class GlobalSignOutOperation(AccessTokenValidator validator, RefreshTokenStore refreshTokens) : ICognitoOperation
{
    /// <inheritdoc />
    public string Name => "GlobalSignOut";

    /// <inheritdoc />
    public bool RequiresAdministrator => false;

    /// <inheritdoc />
    public async Task<JsonObject> ExecuteAsync(CognitoRequest request)
    {
        var subject = await validator.ValidateAsync(request.Required("AccessToken"));
        refreshTokens.RevokeAll(subject.Pool.Id, subject.User.UsernameKey);
        return new JsonObject();
    }
}
