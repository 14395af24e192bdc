using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Microsoft.Extensions.Configuration;

namespace DirectAccess.Functions.Storage;

/// <summary>
/// Builds the function's S3 client from the variables Lambda sets (AWS Lambda developer guide, "Defined runtime
/// environment variables"): <c>AWS_REGION</c>; the execution role's <c>AWS_ACCESS_KEY_ID</c>,
/// <c>AWS_SECRET_ACCESS_KEY</c>, <c>AWS_SESSION_TOKEN</c>; and, for a local cloud or emulator, <c>AWS_ENDPOINT_URL</c>
/// (the AWS SDKs' service-endpoint variable), used with path-style addressing.
/// </summary>
public static class S3ClientFactory
{
    /// <summary>Creates the client.</summary>
    /// <param name="configuration">The worker's configuration (environment variables).</param>
    /// <returns>A client; credentials come from the variables when both key id and secret are set, else the SDK's default chain.</returns>
    /// <exception cref="InvalidOperationException"><c>AWS_REGION</c> is unset, or <c>AWS_ENDPOINT_URL</c> is not an absolute http(s) URL.</exception>
    public static AmazonS3Client Create(IConfiguration configuration)
    {
        var region = configuration["AWS_REGION"];
        if (string.IsNullOrWhiteSpace(region))
        {
            throw new InvalidOperationException("AWS_REGION must be set.");
        }

        var config = new AmazonS3Config { RegionEndpoint = RegionEndpoint.GetBySystemName(region) };
        if (EndpointOverride(configuration) is { } endpoint)
        {
            config.ServiceURL = endpoint.AbsoluteUri;
            config.AuthenticationRegion = region;
            config.ForcePathStyle = true;
        }

        var credentials = Credentials(configuration);
        return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }

    /// <summary>The endpoint from <c>AWS_ENDPOINT_URL</c>, or null when unset.</summary>
    /// <param name="configuration">The worker's configuration.</param>
    /// <returns>The endpoint, or null.</returns>
    /// <exception cref="InvalidOperationException">The value is not an absolute http(s) URL.</exception>
    public static Uri? EndpointOverride(IConfiguration configuration)
    {
        var value = configuration["AWS_ENDPOINT_URL"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var endpoint) && (endpoint.Scheme == Uri.UriSchemeHttp || endpoint.Scheme == Uri.UriSchemeHttps)
            ? endpoint
            : throw new InvalidOperationException($"AWS_ENDPOINT_URL '{value}' is not an absolute http(s) URL.");
    }

    private static AWSCredentials? Credentials(IConfiguration configuration)
    {
        var accessKeyId = configuration["AWS_ACCESS_KEY_ID"];
        var secretAccessKey = configuration["AWS_SECRET_ACCESS_KEY"];
        if (string.IsNullOrEmpty(accessKeyId) || string.IsNullOrEmpty(secretAccessKey))
        {
            return null;
        }

        var sessionToken = configuration["AWS_SESSION_TOKEN"];
        return string.IsNullOrEmpty(sessionToken)
            ? new BasicAWSCredentials(accessKeyId, secretAccessKey)
            : new SessionAWSCredentials(accessKeyId, secretAccessKey, sessionToken);
    }
}
