namespace DirectAccess.Functions.Worker.Context;

/// <summary>
/// The client context a mobile or desktop caller attached to a synchronous Invoke (<c>X-Amz-Client-Context</c>,
/// base64 JSON of at most 3,583 bytes), delivered by the Runtime API header <c>Lambda-Runtime-Client-Context</c> as
/// JSON <c>{"client":{...},"custom":{...},"env":{...}}</c> (AWS Lambda developer guide, "Lambda context object in C#",
/// <c>ClientContext</c>).
/// </summary>
/// <param name="Client">The <c>client</c> object: the calling application, or null when absent.</param>
/// <param name="Custom">The <c>custom</c> string map set by the caller; empty when absent.</param>
/// <param name="Environment">The <c>env</c> string map (platform, make, model, locale...); empty when absent.</param>
public sealed record ClientContext(
    ClientApplication? Client,
    IReadOnlyDictionary<string, string> Custom,
    IReadOnlyDictionary<string, string> Environment);

/// <summary>The <c>client</c> part of a Lambda client context, with AWS's field names.</summary>
/// <param name="InstallationId">Field <c>installation_id</c>.</param>
/// <param name="AppTitle">Field <c>app_title</c>.</param>
/// <param name="AppVersionName">Field <c>app_version_name</c>.</param>
/// <param name="AppVersionCode">Field <c>app_version_code</c>.</param>
/// <param name="AppPackageName">Field <c>app_package_name</c>.</param>
public sealed record ClientApplication(
    string? InstallationId,
    string? AppTitle,
    string? AppVersionName,
    string? AppVersionCode,
    string? AppPackageName);
