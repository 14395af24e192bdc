using DirectAccess.Policies.Templates;
using DirectAccess.Testing;

namespace DirectAccess.Conformance.Tests.Matrix;

/// <summary>Every row of <c>policies/access-matrix.json</c> as its own named test case, e.g. <c>R17 uploaders alice s3:ListBucket ${UploadBucket} prefix=private/ expects ImplicitDeny</c>.</summary>
public static class MatrixRowCases
{
    public static IEnumerable<TestCaseData> All()
    {
        foreach (var row in AccessMatrix.Load(RepoPaths.AccessMatrix).Rows)
        {
            var data = new TestCaseData(row.Id).SetName(NameOf(row));
            if (KnownBugs.ForRow(row.Id) is { } bug)
            {
                data = data.Ignore("BUG: " + bug);
            }

            yield return data;
        }
    }

    private static string NameOf(AccessMatrixRow row)
    {
        var target = row.Resource
            .Replace("arn:${AWS::Partition}:s3:::", "", StringComparison.Ordinal)
            .Replace("arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:", "function ", StringComparison.Ordinal);
        var context = string.Concat(row.Context.Select(c => $" {c.Key.Replace("s3:", "", StringComparison.Ordinal)}={string.Join('|', c.Value)}"));
        return $"{row.Id} {row.Role} {row.Caller} {row.Action} {target}{context} expects {row.Expected}";
    }
}
