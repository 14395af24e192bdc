using System.Text.Json.Nodes;
using DirectAccess.Local.UserPools.Protocol;

namespace DirectAccess.Local.UserPools.Operations.Auth;

/// <summary>
/// <c>RespondToAuthChallenge {ClientId, ChallengeName, Session?, ChallengeResponses}</c> (Cognito API reference):
/// unsigned; <c>PASSWORD_VERIFIER</c> and <c>NEW_PASSWORD_REQUIRED</c>. Other challenges: <c>InvalidParameterException</c>.
/// </summary>
public sealed class RespondToAuthChallengeOperation(UserPoolDirectory pools, PasswordVerifierChallenge verifier, NewPasswordChallenge newPassword)
    : ICognitoOperation
{
    /// <inheritdoc />
    public string Name => "RespondToAuthChallenge";

    /// <inheritdoc />
    public bool RequiresAdministrator => false;

    /// <inheritdoc />
    public Task<JsonObject> ExecuteAsync(CognitoRequest request)
    {
        var challenge = request.Required("ChallengeName");
        var (pool, client) = pools.Client(request.Required("ClientId"));
        var responses = request.Map("ChallengeResponses");
        var response = challenge switch
        {
            "PASSWORD_VERIFIER" => verifier.Respond(pool, client, responses),
            "NEW_PASSWORD_REQUIRED" => newPassword.Respond(pool, client, request.Optional("Session"), responses),
            _ => throw CognitoException.InvalidParameter($"Challenge {challenge} is not supported by the local user pools."),
        };
        return Task.FromResult(response);
    }
}
