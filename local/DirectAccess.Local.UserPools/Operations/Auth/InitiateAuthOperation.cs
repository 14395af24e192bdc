using System.Text.Json.Nodes;
using DirectAccess.Local.UserPools.Protocol;

namespace DirectAccess.Local.UserPools.Operations.Auth;

/// <summary>
/// <c>InitiateAuth {AuthFlow, ClientId, AuthParameters}</c> (Cognito API reference, InitiateAuth): unsigned; dispatches
/// <c>USER_SRP_AUTH</c>, <c>USER_PASSWORD_AUTH</c> and <c>REFRESH_TOKEN_AUTH</c>/<c>REFRESH_TOKEN</c> after checking
/// the flow is enabled for the client. Other flows: <c>InvalidParameterException</c>.
/// </summary>
public sealed class InitiateAuthOperation(UserPoolDirectory pools, SrpAuthFlow srp, PasswordAuthFlow password, RefreshTokenAuthFlow refresh)
    : ICognitoOperation
{
    /// <inheritdoc />
    public string Name => "InitiateAuth";

    /// <inheritdoc />
    public bool RequiresAdministrator => false;

    /// <inheritdoc />
    public Task<JsonObject> ExecuteAsync(CognitoRequest request)
    {
        var flow = request.Required("AuthFlow");
        var (pool, client) = pools.Client(request.Required("ClientId"));
        var parameters = request.Map("AuthParameters");
        var response = flow switch
        {
            "USER_SRP_AUTH" => Gate(client, flow, () => srp.Start(pool, client, parameters)),
            "USER_PASSWORD_AUTH" => Gate(client, flow, () => password.Run(pool, client, parameters)),
            "REFRESH_TOKEN_AUTH" or "REFRESH_TOKEN" => Gate(client, "REFRESH_TOKEN_AUTH", () => refresh.Run(pool, client, parameters)),
            _ => throw CognitoException.InvalidParameter($"Auth flow {flow} is not supported by the local user pools."),
        };
        return Task.FromResult(response);
    }

    private static JsonObject Gate(DirectAccess.Local.Model.UserPoolClientModel client, string flow, Func<JsonObject> run)
    {
        ClientGate.RequireFlow(client, flow);
        return run();
    }
}
