using System.Text.Json.Nodes;
using DirectAccess.Local.UserPools.Protocol;
using DirectAccess.Local.UserPools.Tokens;
using DirectAccess.Local.UserPools.Users;

namespace DirectAccess.Local.UserPools.Operations.Admin;

/// <summary>
/// <c>AdminDeleteUser {UserPoolId, Username}</c> (Cognito API reference; SigV4, administrator): deletes the user and
/// memberships and revokes their refresh tokens. Returns <c>{}</c>.
/// </summary>
public sealed class AdminDeleteUserOperation(AdminTarget target, UserStore users, RefreshTokenStore refreshTokens) : ICognitoOperation
{
    /// <inheritdoc />
    public string Name => "AdminDeleteUser";

    /// <inheritdoc />
    public bool RequiresAdministrator => true;

    /// <inheritdoc />
    public Task<JsonObject> ExecuteAsync(CognitoRequest request)
    {
        var (pool, user) = target.User(request);
        refreshTokens.RevokeAll(pool.Id, user.UsernameKey);
        if (!users.Delete(pool.Id, user.UsernameKey))
        {
            throw CognitoException.UserNotFound();
        }

        return Task.FromResult(new JsonObject());
    }
}
