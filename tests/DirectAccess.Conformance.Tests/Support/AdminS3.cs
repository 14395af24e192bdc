using Amazon.Runtime;
using Amazon.S3;
using DirectAccess.Client;
using DirectAccess.Client.Config;
using DirectAccess.Local;

namespace DirectAccess.Conformance.Tests.Support;

/// <summary>An S3 client signed with the local account administrator's keys, for arranging objects and uploads and checking effects.</summary>
public static class AdminS3
{
    public static AmazonS3Client Create(DirectAccessConfig config) =>
        new(new BasicAWSCredentials(LocalCloudOptions.DefaultAdminAccessKeyId, LocalCloudOptions.DefaultAdminSecretAccessKey), DirectAccessSession.S3Config(config));
}
