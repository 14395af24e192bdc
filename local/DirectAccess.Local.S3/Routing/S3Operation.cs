namespace DirectAccess.Local.S3.Routing;

/// <summary>The S3 API operations this local S3 serves (names as in the S3 API reference).</summary>
public enum S3Operation
{
    /// <summary>GET / (service).</summary>
    ListBuckets,

    /// <summary>HEAD /bucket.</summary>
    HeadBucket,

    /// <summary>PUT /bucket (CreateBucket) or DELETE /bucket (DeleteBucket): buckets come from the template, so
    /// these are authorized as IAM would and then refused with 501 (never 501 before IAM: that would tell an
    /// unauthorized caller more than AWS does).</summary>
    BucketAdministration,

    /// <summary>GET /bucket?location.</summary>
    GetBucketLocation,

    /// <summary>GET /bucket?list-type=2.</summary>
    ListObjectsV2,

    /// <summary>GET /bucket?uploads.</summary>
    ListMultipartUploads,

    /// <summary>POST /bucket?delete.</summary>
    DeleteObjects,

    /// <summary>PUT /bucket/key.</summary>
    PutObject,

    /// <summary>PUT /bucket/key with x-amz-copy-source.</summary>
    CopyObject,

    /// <summary>GET /bucket/key.</summary>
    GetObject,

    /// <summary>HEAD /bucket/key.</summary>
    HeadObject,

    /// <summary>DELETE /bucket/key.</summary>
    DeleteObject,

    /// <summary>POST /bucket/key?uploads.</summary>
    CreateMultipartUpload,

    /// <summary>PUT /bucket/key?partNumber&amp;uploadId.</summary>
    UploadPart,

    /// <summary>POST /bucket/key?uploadId.</summary>
    CompleteMultipartUpload,

    /// <summary>DELETE /bucket/key?uploadId.</summary>
    AbortMultipartUpload,

    /// <summary>GET /bucket/key?uploadId.</summary>
    ListParts,
}
