using DirectAccess.Local.Model;
using DirectAccess.Local.Template.Resolution;

namespace DirectAccess.Local.Template.Resources;

/// <summary>
/// <c>AWS::S3::Bucket</c>. Configuration that does not change what a request is allowed to do or returns locally
/// (encryption at rest, lifecycle expiry, CORS for browsers, ownership controls, public access block, tags) is
/// accepted and has no effect; features that would change responses (versioning, object lock, notifications,
/// website hosting, ACLs, replication) are refused.
/// </summary>
internal static class BucketReader
{
    public static BucketModel Read(ResourceDefinition resource, PropertyReader properties, ModelContext context)
    {
        var name = context.Attributes.BucketName(resource, context.References);
        properties.Ignore("BucketName", "OwnershipControls", "PublicAccessBlockConfiguration", "BucketEncryption",
            "LifecycleConfiguration", "CorsConfiguration", "Tags", "AccelerateConfiguration", "AnalyticsConfigurations",
            "MetricsConfigurations", "IntelligentTieringConfigurations", "InventoryConfigurations", "LoggingConfiguration");
        foreach (var refused in new[] { "VersioningConfiguration", "ObjectLockConfiguration", "ObjectLockEnabled",
                     "NotificationConfiguration", "WebsiteConfiguration", "ReplicationConfiguration", "AccessControl" })
        {
            properties.Refuse(refused, $"{refused} is not implemented locally.");
        }

        properties.EnsureAllUnderstood();
        return new BucketModel(resource.LogicalId, name, "arn:aws:s3:::" + name);
    }
}
