namespace DirectAccess.Conformance.Tests.Matrix;

/// <summary>An S3 resource ARN taken apart: <c>arn:&lt;partition&gt;:s3:::&lt;bucket&gt;[/&lt;key&gt;]</c>.</summary>
public sealed record S3Target(string Bucket, string? Key)
{
    public static S3Target Parse(string arn)
    {
        var parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "s3" || parts[3].Length != 0 || parts[4].Length != 0)
        {
            throw new FormatException($"not an S3 ARN: {arn}");
        }

        var slash = parts[5].IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new S3Target(parts[5], null) : new S3Target(parts[5][..slash], parts[5][(slash + 1)..]);
    }

    public string RequiredKey => Key ?? throw new FormatException($"the row names bucket {Bucket} but an object action needs a key");
}
