using System.Text.Json.Nodes;

namespace DirectAccess.Local.UserPools.Protocol;

/// <summary>
/// One operation of the user pools API (target <c>AWSCognitoIdentityProviderService.&lt;Name&gt;</c>), with the
/// request and response shapes of the botocore model <c>cognito-idp/2016-04-18</c>.
/// </summary>
public interface ICognitoOperation
{
    /// <summary>The operation name, e.g. <c>InitiateAuth</c>.</summary>
    string Name { get; }

    /// <summary>True for the SigV4-signed admin calls: the caller must be the local administrator.</summary>
    bool RequiresAdministrator { get; }

    /// <summary>Runs the operation; returns the response object. Errors are thrown as <see cref="CognitoException"/>.</summary>
    Task<JsonObject> ExecuteAsync(CognitoRequest request);
}
