using DirectAccess.Local.Model;
using Microsoft.AspNetCore.Http;
using DirectAccess.Local.S3.Protocol;
using DirectAccess.Local.S3.Routing;
using DirectAccess.Local.S3.Security;
using DirectAccess.Local.S3.Storage;

namespace DirectAccess.Local.S3.Operations;

/// <summary>
/// Bucket-level reads: ListBuckets (<c>s3:ListAllMyBuckets</c>), HeadBucket (<c>s3:ListBucket</c>) and
/// GetBucketLocation (<c>s3:GetBucketLocation</c>). Buckets come from the template and cannot be created or deleted.
/// </summary>
public sealed class BucketOperations(StackModel stack, S3DataDirectory directory, S3Authorization authorization)
{
    /// <summary>ListBuckets: every template bucket, owner = the account.</summary>
    public async Task ListBucketsAsync(S3Request request)
    {
        authorization.Require(request, "s3:ListAllMyBuckets", "*");
        // Stable across restarts: the buckets "exist" since the data directory does.
        var created = new DateTimeOffset(Directory.GetCreationTimeUtc(directory.Root), TimeSpan.Zero);
        await XmlResponse.WriteAsync(request.Response, "ListAllMyBucketsResult", xml =>
        {
            xml.Principal("Owner", stack.AccountId);
            xml.WriteStartElement("Buckets");
            foreach (var bucket in stack.Buckets.OrderBy(b => b.Name, StringComparer.Ordinal))
            {
                xml.WriteStartElement("Bucket");
                xml.WriteElementString("Name", bucket.Name);
                xml.WriteElementString("CreationDate", HttpFormats.XmlDate(created));
                xml.WriteElementString("BucketRegion", stack.Region);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        });
    }

    /// <summary>HeadBucket: 200 with <c>x-amz-bucket-region</c>.</summary>
    public Task HeadBucketAsync(S3Request request)
    {
        authorization.RequireOnBucket(request, "s3:ListBucket");
        request.Response.StatusCode = 200;
        request.Response.Headers["x-amz-bucket-region"] = stack.Region;
        return Task.CompletedTask;
    }

    /// <summary>
    /// CreateBucket (PUT) and DeleteBucket (DELETE): IAM decides first (<c>s3:CreateBucket</c> / <c>s3:DeleteBucket</c>
    /// on the bucket ARN), as on AWS; an allowed caller then gets 501, because the template owns the buckets.
    /// </summary>
    /// <exception cref="S3Exception">403 AccessDenied when IAM refuses; 501 NotImplemented otherwise.</exception>
    public Task BucketAdministrationAsync(S3Request request)
    {
        var create = HttpMethods.IsPut(request.Context.Request.Method);
        authorization.RequireOnBucket(request, create ? "s3:CreateBucket" : "s3:DeleteBucket");
        throw S3Errors.NotImplemented(create
            ? "CreateBucket (buckets come from template.yaml)"
            : "DeleteBucket (buckets come from template.yaml)");
    }

    /// <summary>GetBucketLocation: empty for us-east-1, as S3 answers.</summary>
    public async Task GetBucketLocationAsync(S3Request request)
    {
        authorization.RequireOnBucket(request, "s3:GetBucketLocation");
        await XmlResponse.WriteAsync(request.Response, "LocationConstraint", xml =>
        {
            if (stack.Region != "us-east-1")
            {
                xml.WriteString(stack.Region);
            }
        });
    }
}
