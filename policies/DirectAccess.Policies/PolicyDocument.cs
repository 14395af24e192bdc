namespace DirectAccess.Policies;

/// <summary>
/// A parsed IAM policy document (identity policy or role trust policy), validated strictly per the IAM JSON policy
/// element reference. Parse once, then compile with <see cref="PolicySet"/>.
/// </summary>
public sealed partial class PolicyDocument
{
    /// <summary>The name the policy was loaded under; used in decisions and errors.</summary>
    public string Name { get; }

    /// <summary>The <c>Version</c> element (<c>2012-10-17</c> or <c>2008-10-17</c>), or null when absent.</summary>
    public string? Version { get; }

    /// <summary>The <c>Id</c> element, or null.</summary>
    public string? Id { get; }

    /// <summary>Parses a policy from JSON text.</summary>
    /// <param name="json">The policy document.</param>
    /// <param name="name">Name for decisions and errors (e.g. <c>uploaders.json</c>).</param>
    /// <exception cref="PolicyParseException">When the document is malformed or uses an unknown element, operator,
    /// qualifier or value type; the message names the JSON path.</exception>
    public static PolicyDocument Parse(string json, string name) => ParseCore(json, name);

    /// <summary>Reads and parses a policy file; the policy is named by the file name.</summary>
    /// <exception cref="PolicyParseException">As <see cref="Parse"/>.</exception>
    /// <exception cref="IOException">When the file cannot be read.</exception>
    public static PolicyDocument Load(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));
}
