using System.Text.Json;

namespace DirectAccess.Client.Config;

/// <summary>
/// Where the deployed (or local) DirectAccess stack lives: region, Cognito ids, bucket, function names and an optional
/// endpoint override. Read from <c>directaccess.json</c> — the stack's CloudFormation outputs — so the same code runs
/// against AWS and against the local cloud.
/// </summary>
/// <remarks>
/// Accepted file shapes: a flat JSON object keyed by output key (<c>{"Region": "...", "UserPoolId": "...", ...}</c>,
/// what the local cloud writes), or the raw array printed by
/// <c>aws cloudformation describe-stacks --query "Stacks[0].Outputs"</c> (<c>[{"OutputKey": ..., "OutputValue": ...}]</c>).
/// Environment overrides follow the AWS SDKs' conventions: <c>AWS_REGION</c>, <c>AWS_ENDPOINT_URL</c> and the
/// per-service <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> (AWS SDK and tools reference guide, "Service-specific endpoints").
/// </remarks>
public sealed record DirectAccessConfig
{
    /// <summary>AWS region, e.g. <c>us-east-1</c>.</summary>
    public required string Region { get; init; }

    /// <summary>Cognito user pool id, <c>&lt;region&gt;_&lt;id&gt;</c>.</summary>
    public required string UserPoolId { get; init; }

    /// <summary>Cognito user pool app client id (no client secret).</summary>
    public required string UserPoolClientId { get; init; }

    /// <summary>Cognito identity pool id, <c>&lt;region&gt;:&lt;guid&gt;</c>.</summary>
    public required string IdentityPoolId { get; init; }

    /// <summary>The S3 bucket users upload into; null when the stack has none.</summary>
    public string? UploadBucketName { get; init; }

    /// <summary>
    /// Every output of the stack (including the <c>&lt;Name&gt;FunctionName</c> keys), case-sensitive keys as in the
    /// template. Used to map logical function names to deployed names.
    /// </summary>
    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();

    /// <summary>Endpoint for every service (the local cloud's <c>http://127.0.0.1:4566</c>); null = AWS's public endpoints.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Per-service overrides keyed by service id in lower case (<c>s3</c>, <c>lambda</c>, <c>sts</c>, <c>cognito-idp</c>, <c>cognito-identity</c>); they win over <see cref="Endpoint"/>.</summary>
    public IReadOnlyDictionary<string, Uri> ServiceEndpoints { get; init; } = new Dictionary<string, Uri>();

    /// <summary>The <c>Logins</c> key of the user pool: <c>cognito-idp.&lt;region&gt;.amazonaws.com/&lt;userPoolId&gt;</c> (Cognito developer guide).</summary>
    public string UserPoolProviderName => $"cognito-idp.{Region}.amazonaws.com/{UserPoolId}";

    /// <summary>
    /// The endpoint to use for <paramref name="service"/> (one of <c>s3</c>, <c>lambda</c>, <c>sts</c>, <c>cognito-idp</c>,
    /// <c>cognito-identity</c>), or null for AWS's regional public endpoint.
    /// </summary>
    public Uri? EndpointFor(string service) =>
        ServiceEndpoints.TryGetValue(service.ToLowerInvariant(), out var specific) ? specific : Endpoint;

    /// <summary>
    /// The URL a request to <paramref name="service"/> goes to: the override, or AWS's
    /// <c>https://&lt;service&gt;.&lt;region&gt;.amazonaws.com/</c>.
    /// </summary>
    public Uri ResolveEndpoint(string service) =>
        EndpointFor(service) ?? new Uri($"https://{service}.{Region}.amazonaws.com/");

    /// <summary>
    /// The deployed name of a function: the value of output <c>&lt;logicalName&gt;FunctionName</c> when present
    /// (so <c>"ProcessUpload"</c> finds <c>ProcessUploadFunctionName</c>), else <paramref name="logicalName"/> itself
    /// (a deployed name or ARN given directly).
    /// </summary>
    public string ResolveFunctionName(string logicalName) =>
        Outputs.TryGetValue(logicalName + "FunctionName", out var deployed) && deployed.Length > 0 ? deployed : logicalName;

    /// <summary>
    /// Reads <paramref name="path"/> (either accepted shape) and applies the environment overrides.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DirectAccessConfigException">The file is not JSON of an accepted shape or a required key is missing.</exception>
    public static DirectAccessConfig Load(string path) =>
        Parse(File.ReadAllText(path), path).WithEnvironmentOverrides(Environment.GetEnvironmentVariable);

    /// <summary>
    /// Builds a configuration from the file named by <c>DIRECTACCESS_CONFIG</c>, else <c>./directaccess.json</c>,
    /// else from environment variables only (<c>DIRECTACCESS_REGION</c>/<c>AWS_REGION</c>, <c>DIRECTACCESS_USER_POOL_ID</c>,
    /// <c>DIRECTACCESS_USER_POOL_CLIENT_ID</c>, <c>DIRECTACCESS_IDENTITY_POOL_ID</c>, <c>DIRECTACCESS_UPLOAD_BUCKET_NAME</c>);
    /// then applies <c>AWS_REGION</c> and <c>AWS_ENDPOINT_URL[_SERVICE]</c>.
    /// </summary>
    /// <exception cref="DirectAccessConfigException">No file and the variables are incomplete.</exception>
    public static DirectAccessConfig FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    internal static DirectAccessConfig FromEnvironment(Func<string, string?> env)
    {
        var file = env("DIRECTACCESS_CONFIG");
        if (!string.IsNullOrEmpty(file))
        {
            return Parse(File.ReadAllText(file), file).WithEnvironmentOverrides(env);
        }

        if (File.Exists("directaccess.json"))
        {
            return Parse(File.ReadAllText("directaccess.json"), "directaccess.json").WithEnvironmentOverrides(env);
        }

        var outputs = new Dictionary<string, string>();
        void Take(string output, string variable)
        {
            if (env(variable) is { Length: > 0 } value)
            {
                outputs[output] = value;
            }
        }

        Take("Region", "DIRECTACCESS_REGION");
        Take("Region", "AWS_REGION");
        Take("UserPoolId", "DIRECTACCESS_USER_POOL_ID");
        Take("UserPoolClientId", "DIRECTACCESS_USER_POOL_CLIENT_ID");
        Take("IdentityPoolId", "DIRECTACCESS_IDENTITY_POOL_ID");
        Take("UploadBucketName", "DIRECTACCESS_UPLOAD_BUCKET_NAME");
        return FromOutputs(outputs, "environment").WithEnvironmentOverrides(env);
    }

    /// <summary>Parses either accepted JSON shape; no environment overrides.</summary>
    /// <param name="json">File contents.</param>
    /// <param name="source">Named in error messages.</param>
    /// <exception cref="DirectAccessConfigException">Not an accepted shape or a required key missing.</exception>
    public static DirectAccessConfig Parse(string json, string source = "directaccess.json")
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new DirectAccessConfigException($"{source}: not valid JSON ({e.Message}).");
        }

        using (doc)
        {
            var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
            switch (doc.RootElement.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in doc.RootElement.EnumerateObject())
                    {
                        if (property.Value.ValueKind == JsonValueKind.String)
                        {
                            outputs[property.Name] = property.Value.GetString()!;
                        }
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in doc.RootElement.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.Object
                            && item.TryGetProperty("OutputKey", out var key) && key.ValueKind == JsonValueKind.String
                            && item.TryGetProperty("OutputValue", out var value) && value.ValueKind == JsonValueKind.String)
                        {
                            outputs[key.GetString()!] = value.GetString()!;
                        }
                        else
                        {
                            throw new DirectAccessConfigException($"{source}: array items must be {{\"OutputKey\", \"OutputValue\"}} objects.");
                        }
                    }

                    break;
                default:
                    throw new DirectAccessConfigException($"{source}: expected a JSON object of outputs or a describe-stacks Outputs array.");
            }

            return FromOutputs(outputs, source);
        }
    }

    private static DirectAccessConfig FromOutputs(Dictionary<string, string> outputs, string source)
    {
        string Required(string key) => outputs.TryGetValue(key, out var v) && v.Length > 0
            ? v
            : throw new DirectAccessConfigException($"{source}: missing required key '{key}'.");

        Uri? endpoint = null;
        if (outputs.TryGetValue("Endpoint", out var endpointText) && endpointText.Length > 0)
        {
            endpoint = ParseEndpoint(endpointText, source + " Endpoint");
        }

        return new DirectAccessConfig
        {
            Region = Required("Region"),
            UserPoolId = Required("UserPoolId"),
            UserPoolClientId = Required("UserPoolClientId"),
            IdentityPoolId = Required("IdentityPoolId"),
            UploadBucketName = outputs.GetValueOrDefault("UploadBucketName"),
            Outputs = outputs,
            Endpoint = endpoint,
        };
    }

    /// <summary>
    /// Applies <c>AWS_REGION</c>, <c>AWS_ENDPOINT_URL</c> and <c>AWS_ENDPOINT_URL_{S3,LAMBDA,STS,COGNITO_IDP,COGNITO_IDENTITY}</c>
    /// (environment wins over the file, as in the AWS SDKs).
    /// </summary>
    internal DirectAccessConfig WithEnvironmentOverrides(Func<string, string?> env)
    {
        var result = this;
        if (env("AWS_REGION") is { Length: > 0 } region)
        {
            result = result with { Region = region };
        }

        if (env("AWS_ENDPOINT_URL") is { Length: > 0 } global)
        {
            result = result with { Endpoint = ParseEndpoint(global, "AWS_ENDPOINT_URL") };
        }

        var services = new Dictionary<string, Uri>(result.ServiceEndpoints);
        foreach (var service in new[] { "s3", "lambda", "sts", "cognito-idp", "cognito-identity" })
        {
            var variable = "AWS_ENDPOINT_URL_" + service.Replace('-', '_').ToUpperInvariant();
            if (env(variable) is { Length: > 0 } specific)
            {
                services[service] = ParseEndpoint(specific, variable);
            }
        }

        return result with { ServiceEndpoints = services };
    }

    private static Uri ParseEndpoint(string text, string source) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new DirectAccessConfigException($"{source}: '{text}' is not an http(s) URL.");
}
