namespace DirectAccess.Policies;

/// <summary>
/// Thrown when a policy document is malformed or uses anything the engine does not understand (unknown element,
/// operator, qualifier or value type). Never ignored: an unparseable policy must not silently allow or deny.
/// </summary>
public sealed class PolicyParseException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="policyName">The policy's name (e.g. file name).</param>
    /// <param name="jsonPath">JSON path of the offending element, e.g. <c>$.Statement[1].Condition.StringLikee</c>.</param>
    /// <param name="message">What is wrong.</param>
    public PolicyParseException(string policyName, string jsonPath, string message)
        : base($"{policyName}: {jsonPath}: {message}")
    {
        PolicyName = policyName;
        JsonPath = jsonPath;
    }

    /// <summary>The policy's name.</summary>
    public string PolicyName { get; }

    /// <summary>JSON path of the offending element.</summary>
    public string JsonPath { get; }
}
