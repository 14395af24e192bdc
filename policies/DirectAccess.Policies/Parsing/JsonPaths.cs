namespace DirectAccess.Policies.Parsing;

/// <summary>Builds JSON paths for error messages: <c>$.Statement[1].Condition.StringLike['s3:prefix']</c>.</summary>
internal static class JsonPaths
{
    /// <summary>The document root.</summary>
    public const string Root = "$";

    /// <summary>Path of a property: dot notation for plain names, bracket notation otherwise.</summary>
    public static string Property(string parent, string name) =>
        IsPlain(name) ? $"{parent}.{name}" : $"{parent}['{name.Replace("\\", "\\\\").Replace("'", "\\'")}']";

    /// <summary>Path of an array element.</summary>
    public static string Index(string parent, int index) => $"{parent}[{index}]";

    private static bool IsPlain(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':' or '-');
}
