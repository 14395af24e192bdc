namespace DirectAccess.Functions.Contracts;

/// <summary>The names <c>DIRECTACCESS_FUNCTION</c> selects the app's functions by (the template sets one per function).</summary>
public static class FunctionNames
{
    /// <summary>Returns the caller's identity.</summary>
    public const string WhoAmI = "WhoAmI";

    /// <summary>Hashes an uploaded object and writes its manifest.</summary>
    public const string ProcessUpload = "ProcessUpload";

    /// <summary>Presigns a GET URL for the caller's object.</summary>
    public const string ShareFile = "ShareFile";

    /// <summary>Reports storage per identity prefix.</summary>
    public const string AdminReport = "AdminReport";
}
