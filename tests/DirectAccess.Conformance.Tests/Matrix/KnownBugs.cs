namespace DirectAccess.Conformance.Tests.Matrix;

/// <summary>Matrix rows the live cloud gets wrong today, each with the symptom; these cases are ignored with "BUG: ...".</summary>
public static class KnownBugs
{
    private static readonly Dictionary<string, string> ByRow = new(StringComparer.Ordinal)
    {
    };

    public static string? ForRow(string rowId) => ByRow.GetValueOrDefault(rowId);
}
