namespace DirectAccess.Conformance.Tests.Matrix;

/// <summary>Matrix rows the live cloud gets wrong today, each with the symptom; these cases are ignored with "BUG: ...".</summary>
public static class KnownBugs
{
    public const string NoGroupCallerRefused =
        "a user in no group gets no credentials (GetCredentialsForIdentity: NotAuthorizedException \"The ambiguous role mapping rules for: ... denied this request.\"): "
        + "template.yaml's Token mapping has AmbiguousRoleResolution: Deny, but the matrix gives such users the default role";

    private static readonly Dictionary<string, string> ByRow = new(StringComparer.Ordinal)
    {
        ["R23"] = "S3 DeleteBucket answers 501 NotImplemented (\"DELETE on a bucket\") before IAM; AWS answers 403 AccessDenied to a caller without s3:DeleteBucket",
        ["R54"] = "S3 GetObject on a bucket the cloud does not host answers 404 NoSuchBucket, not 403 AccessDenied, for a caller IAM denies",
        ["R56"] = NoGroupCallerRefused,
        ["R57"] = NoGroupCallerRefused,
        ["R58"] = NoGroupCallerRefused,
        ["R59"] = NoGroupCallerRefused,
        ["R60"] = NoGroupCallerRefused,
    };

    public static string? ForRow(string rowId) => ByRow.GetValueOrDefault(rowId);
}
