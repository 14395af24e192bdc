namespace DirectAccess.Conformance.Tests.Matrix;

/// <summary>Matrix rows the live cloud gets wrong today, each with the symptom; these cases are ignored with "BUG: ...".</summary>
public static class KnownBugs
{
    private static readonly Dictionary<string, string> ByRow = new(StringComparer.Ordinal)
    {
        ["R23"] = "S3 DeleteBucket answers 501 NotImplemented (\"DELETE on a bucket\") before IAM; AWS answers 403 AccessDenied to a caller without s3:DeleteBucket",
    };

    public static string? ForRow(string rowId) => ByRow.GetValueOrDefault(rowId);
}
