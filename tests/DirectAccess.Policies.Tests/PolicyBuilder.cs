namespace DirectAccess.Policies.Tests;

/// <summary>Small helpers to write policies in tests as JSON text and evaluate them.</summary>
internal static class PolicyBuilder
{
    public const string Bucket = "arn:aws:s3:::bucket";

    /// <summary>A policy with the given statements (a JSON array body or single object) and version (null: none).</summary>
    public static string Policy(string statements, string? version = PolicyDocument.CurrentVersion) =>
        version is null
            ? $$"""{"Statement": {{statements}}}"""
            : $$"""{"Version": "{{version}}", "Statement": {{statements}}}""";

    /// <summary>A statement; <paramref name="extra"/> is raw JSON appended inside the object (e.g. a Condition).</summary>
    public static string Statement(string effect, string action, string resource, string? extra = null, string? sid = null) =>
        "{" + (sid is null ? "" : $"\"Sid\": \"{sid}\", ") + $"\"Effect\": \"{effect}\", \"Action\": {Json(action)}, \"Resource\": {Json(resource)}"
        + (extra is null ? "" : ", " + extra) + "}";

    public static string Allow(string action, string resource, string? extra = null) => Statement("Allow", action, resource, extra);

    public static string Deny(string action, string resource, string? extra = null) => Statement("Deny", action, resource, extra);

    /// <summary>A Condition element for <see cref="Statement"/>'s extra text.</summary>
    public static string Condition(string body) => "\"Condition\": " + body;

    public static PolicySet Compile(string policyJson, string name = "test.json") =>
        PolicySet.Compile([PolicyDocument.Parse(policyJson, name)]);

    public static Decision Evaluate(string policyJson, RequestContext request) => Compile(policyJson).Evaluate(request);

    /// <summary>Evaluates one statement (in a 2012-10-17 policy) for an action and resource plus context keys.</summary>
    public static DecisionKind Decide(string statement, string action, string resource, params (string Key, string[] Values)[] keys)
    {
        var request = new RequestContext(action, resource);
        foreach (var (key, values) in keys)
        {
            request.WithValues(key, values);
        }

        return Evaluate(Policy($"[{statement}]"), request).Kind;
    }

    /// <summary>Evaluates an Allow of s3:GetObject on * under <paramref name="condition"/> (raw JSON object body).</summary>
    public static DecisionKind UnderCondition(string condition, params (string Key, string[] Values)[] keys) =>
        Decide(Allow("s3:GetObject", "*", $"\"Condition\": {condition}"), "s3:GetObject", Bucket + "/k", keys);

    public static (string, string[]) Key(string key, params string[] values) => (key, values);

    /// <summary>A JSON string, or a list when the text starts with '['.</summary>
    private static string Json(string value) => value.StartsWith('[') ? value : $"\"{value}\"";
}
