using System.Text.Json.Serialization;

namespace DirectAccess.Functions.Worker.Serialization;

/// <summary>
/// The error document the Runtime API accepts on <c>/runtime/invocation/&lt;id&gt;/error</c> and
/// <c>/runtime/init/error</c>: <c>{"errorMessage","errorType","stackTrace":[...]}</c> (AWS Lambda developer guide,
/// "Using the Lambda runtime API for custom runtimes").
/// </summary>
internal sealed record RuntimeErrorDocument(
    [property: JsonPropertyName("errorMessage")] string ErrorMessage,
    [property: JsonPropertyName("errorType")] string ErrorType,
    [property: JsonPropertyName("stackTrace")] IReadOnlyList<string> StackTrace);

/// <summary>The JSON of the <c>Lambda-Runtime-Cognito-Identity</c> header.</summary>
internal sealed record CognitoIdentityHeader(
    [property: JsonPropertyName("cognitoIdentityId")] string? CognitoIdentityId,
    [property: JsonPropertyName("cognitoIdentityPoolId")] string? CognitoIdentityPoolId);

/// <summary>The JSON of the <c>Lambda-Runtime-Client-Context</c> header.</summary>
internal sealed record ClientContextHeader(
    [property: JsonPropertyName("client")] ClientApplicationHeader? Client,
    [property: JsonPropertyName("custom")] Dictionary<string, string>? Custom,
    [property: JsonPropertyName("env")] Dictionary<string, string>? Env);

/// <summary>The <c>client</c> object inside the client context header.</summary>
internal sealed record ClientApplicationHeader(
    [property: JsonPropertyName("installation_id")] string? InstallationId,
    [property: JsonPropertyName("app_title")] string? AppTitle,
    [property: JsonPropertyName("app_version_name")] string? AppVersionName,
    [property: JsonPropertyName("app_version_code")] string? AppVersionCode,
    [property: JsonPropertyName("app_package_name")] string? AppPackageName);

/// <summary>Source-generated (trim/AOT-safe) serializers for the Runtime API's own JSON shapes.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RuntimeErrorDocument))]
[JsonSerializable(typeof(CognitoIdentityHeader))]
[JsonSerializable(typeof(ClientContextHeader))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
