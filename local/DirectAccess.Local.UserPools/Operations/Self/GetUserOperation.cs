using System.Text.Json.Nodes;
using DirectAccess.Local.UserPools.Protocol;
using DirectAccess.Local.UserPools.Tokens;

namespace DirectAccess.Local.UserPools.Operations.Self;

/// <summary>
/// <c>GetUser {AccessToken}</c> (Cognito API reference): unsigned, authorized by a valid, unrevoked access token;
/// returns <c>{Username, UserAttributes}</c>.
/// </summary>
public sealed class GetUserOperation(AccessTokenValidator validator) : ICognitoOperation
{
    /// <inheritdoc />
    public string Name => "GetUser";

    /// <inheritdoc />
    public bool RequiresAdministrator => false;

    /// <inheritdoc />
    public async Task<JsonObject> ExecuteAsync(CognitoRequest request)
    {
        var subject = await validator.ValidateAsync(request.Required("AccessToken"));
        return new JsonObject
        {
            ["Username"] = subject.User.Username,
            ["UserAttributes"] = UserJson.Attributes(subject.User),
        };
    }
}
