using System.Text.Json.Nodes;

namespace DirectAccess.Local.Identity.Operations;

/// <summary>One <c>AWSCognitoIdentityService</c> operation (botocore <c>cognito-identity</c> 2014-06-30).</summary>
public interface IIdentityPoolOperation
{
    /// <summary>The operation name after the target prefix, e.g. <c>GetId</c>.</summary>
    string Name { get; }

    /// <summary>Runs the call and returns the response members.</summary>
    /// <exception cref="Protocol.IdentityPoolException">Any AWS-shaped failure.</exception>
    JsonObject Execute(IdentityPoolCall call);
}
